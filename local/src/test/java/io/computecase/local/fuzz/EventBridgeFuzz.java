package io.computecase.local.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Malformed calls to the local EventBridge API: the generic barrage over a sample of every
 * operation, plus patterns, events and names AWS refuses. Samples name the fuzz's own bus and rule,
 * never the operator's.
 */
final class EventBridgeFuzz {
  private static final String BUS = "fuzz-bus";
  private static final String RULE = "fuzz-rule";
  private static final String PATTERN = "{\"source\":[\"fuzz\"]}";
  private static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:000000000000:fuzz-queue";

  private final AwsJsonEndpoint api;
  private String busArn;

  EventBridgeFuzz(AwsJsonEndpoint api) {
    this.api = api;
  }

  /** The bus and rule the samples name. */
  void prepare() {
    busArn =
        api.ok("CreateEventBus", object().put("Name", BUS).toString()).path("EventBusArn").asText();
    api.ok("PutRule", rule().put("EventPattern", PATTERN).toString());
  }

  /** Valid calls that must still succeed after the barrage. */
  void stillServes() {
    api.ok("DescribeRule", rule().toString());
    ObjectNode put = object();
    put.putArray("Entries")
        .addObject()
        .put("Source", "fuzz")
        .put("DetailType", "d")
        .put("Detail", "{}")
        .put("EventBusName", BUS);
    if (api.ok("PutEvents", put.toString()).path("FailedEntryCount").asInt(-1) != 0) {
      throw new AssertionError("a valid PutEvents after the barrage failed an entry");
    }
  }

  List<AwsCall> calls(MalformedBodies bodies) {
    List<AwsCall> calls = new ArrayList<>(AwsJsonFuzz.calls(api, samples(), bodies));
    String putRule = api.target("PutRule");
    calls.add(
        AwsCall.post(
            "PutRule pattern not JSON", putRule, rule().put("EventPattern", "{source").toString()));
    calls.add(
        AwsCall.post(
            "PutRule pattern a number", putRule, rule().put("EventPattern", "42").toString()));
    calls.add(
        AwsCall.post(
            "PutRule pattern with a bare value",
            putRule,
            rule().put("EventPattern", "{\"source\":\"fuzz\"}").toString()));
    calls.add(
        AwsCall.post(
            "PutRule pattern nested too deep",
            putRule,
            rule()
                .put("EventPattern", MalformedBodies.nestedObjects(MalformedBodies.TOO_DEEP))
                .toString()));
    calls.add(
        AwsCall.post(
            "PutRule pattern over 4 MB",
            putRule,
            rule()
                .put("EventPattern", "{\"source\":[\"" + MalformedBodies.huge(4_200_000) + "\"]}")
                .toString()));
    calls.add(
        AwsCall.post(
            "PutRule name of 100,000 characters",
            putRule,
            object()
                .put("Name", MalformedBodies.huge(100_000))
                .put("EventPattern", PATTERN)
                .toString()));
    calls.add(
        AwsCall.post(
            "PutRule name with a space",
            putRule,
            object().put("Name", "a b").put("EventPattern", PATTERN).toString()));
    calls.add(AwsCall.post("PutRule without pattern or schedule", putRule, rule().toString()));
    calls.add(
        AwsCall.post(
            "PutRule state unknown",
            putRule,
            rule().put("EventPattern", PATTERN).put("State", "MAYBE").toString()));
    calls.add(
        AwsCall.post(
            "CreateEventBus name of 10,000 characters",
            api.target("CreateEventBus"),
            object().put("Name", MalformedBodies.huge(10_000)).toString()));
    String putEvents = api.target("PutEvents");
    ObjectNode tooMany = object();
    for (int i = 0; i < 11; i++) {
      tooMany
          .withArray("Entries")
          .addObject()
          .put("Source", "fuzz")
          .put("DetailType", "d")
          .put("Detail", "{}");
    }
    calls.add(AwsCall.post("PutEvents 11 entries", putEvents, tooMany.toString()));
    ObjectNode none = object();
    none.putArray("Entries");
    calls.add(AwsCall.post("PutEvents no entries", putEvents, none.toString()));
    ObjectNode huge = object();
    huge.putArray("Entries")
        .addObject()
        .put("Source", "fuzz")
        .put("DetailType", "d")
        .put("Detail", "{\"a\":\"" + MalformedBodies.huge(300_000) + "\"}");
    calls.add(AwsCall.post("PutEvents entry over 256 KiB", putEvents, huge.toString()));
    calls.add(
        AwsCall.post(
            "TestEventPattern event not JSON",
            api.target("TestEventPattern"),
            object().put("EventPattern", PATTERN).put("Event", "{\"id\"").toString()));
    ObjectNode tooManyTargets = object().put("Rule", RULE).put("EventBusName", BUS);
    for (int i = 0; i < 11; i++) {
      tooManyTargets.withArray("Targets").addObject().put("Id", "t" + i).put("Arn", QUEUE_ARN);
    }
    calls.add(
        AwsCall.post("PutTargets 11 targets", api.target("PutTargets"), tooManyTargets.toString()));
    ObjectNode badArn = object().put("Rule", RULE).put("EventBusName", BUS);
    badArn.putArray("Targets").addObject().put("Id", "t").put("Arn", "not-an-arn");
    calls.add(
        AwsCall.post("PutTargets ARN not an ARN", api.target("PutTargets"), badArn.toString()));
    calls.add(
        AwsCall.post(
            "ListRules Limit past a 64-bit integer",
            api.target("ListRules"),
            "{\"EventBusName\":\"" + BUS + "\",\"Limit\":123456789012345678901234567890}"));
    calls.add(
        AwsCall.post(
            "ListRules NextToken forged",
            api.target("ListRules"),
            object().put("EventBusName", BUS).put("NextToken", "forged").toString()));
    return calls;
  }

  private Map<String, ObjectNode> samples() {
    Map<String, ObjectNode> samples = new LinkedHashMap<>();
    ObjectNode createBus = object().put("Name", "fuzz-bus-created").put("Description", "d");
    createBus.putArray("Tags").addObject().put("Key", "k").put("Value", "v");
    samples.put("CreateEventBus", createBus);
    samples.put("DescribeEventBus", object().put("Name", BUS));
    samples.put("ListEventBuses", object().put("NamePrefix", "fuzz").put("Limit", 10));
    samples.put("DeleteEventBus", object().put("Name", "fuzz-absent"));
    samples.put(
        "PutRule",
        rule().put("EventPattern", PATTERN).put("State", "ENABLED").put("Description", "d"));
    samples.put("DescribeRule", rule());
    samples.put(
        "ListRules", object().put("EventBusName", BUS).put("NamePrefix", "fuzz").put("Limit", 10));
    samples.put("DeleteRule", object().put("Name", "fuzz-absent").put("EventBusName", BUS));
    samples.put("EnableRule", rule());
    samples.put("DisableRule", rule());
    ObjectNode putTargets = object().put("Rule", RULE).put("EventBusName", BUS);
    putTargets.putArray("Targets").addObject().put("Id", "t").put("Arn", QUEUE_ARN);
    samples.put("PutTargets", putTargets);
    samples.put(
        "ListTargetsByRule", object().put("Rule", RULE).put("EventBusName", BUS).put("Limit", 10));
    ObjectNode remove = object().put("Rule", RULE).put("EventBusName", BUS);
    remove.putArray("Ids").add("t");
    samples.put("RemoveTargets", remove);
    samples.put(
        "ListRuleNamesByTarget", object().put("TargetArn", QUEUE_ARN).put("EventBusName", BUS));
    ObjectNode putEvents = object();
    putEvents
        .putArray("Entries")
        .addObject()
        .put("Source", "fuzz")
        .put("DetailType", "d")
        .put("Detail", "{}")
        .put("EventBusName", BUS);
    samples.put("PutEvents", putEvents);
    samples.put(
        "TestEventPattern",
        object()
            .put("EventPattern", PATTERN)
            .put(
                "Event",
                "{\"id\":\"1\",\"account\":\"000000000000\",\"source\":\"fuzz\",\"time\":\"2026-01-01T00:00:00Z\","
                    + "\"region\":\"us-east-1\",\"resources\":[],\"detail-type\":\"d\",\"detail\":{}}"));
    ObjectNode tag = object().put("ResourceARN", busArn);
    tag.putArray("Tags").addObject().put("Key", "k").put("Value", "v");
    samples.put("TagResource", tag);
    ObjectNode untag = object().put("ResourceARN", busArn);
    untag.putArray("TagKeys").add("k");
    samples.put("UntagResource", untag);
    samples.put("ListTagsForResource", object().put("ResourceARN", busArn));
    return samples;
  }

  private static ObjectNode rule() {
    return object().put("Name", RULE).put("EventBusName", BUS);
  }

  private static ObjectNode object() {
    return MalformedBodies.JSON.createObjectNode();
  }
}
