package io.computecase.local.events.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsJsonService;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The registry as a document of API requests: each bus as CreateEventBus, each rule as PutRule with
 * its PutTargets, tags as TagResource. Read through the List operations and replayed through the
 * write operations, so the snapshot needs no knowledge of the registry's internals.
 */
final class RegistrySnapshot {
  static final int FORMAT = 1;
  private static final String DEFAULT_BUS = "default";

  private RegistrySnapshot() {}

  /** Reads every bus, rule, target and tag through the API. */
  static ObjectNode capture(AwsJsonService api) {
    ObjectNode snapshot = AwsJson.MAPPER.createObjectNode();
    snapshot.put("format", FORMAT);
    ArrayNode buses = snapshot.putArray("buses");
    ArrayNode rules = snapshot.putArray("rules");
    for (JsonNode bus :
        pages(api, "ListEventBuses", AwsJson.MAPPER.createObjectNode(), "EventBuses")) {
      String busName = bus.path("Name").asText();
      ObjectNode busImage = buses.addObject();
      busImage.put("Name", busName);
      if (bus.hasNonNull("Description")) {
        busImage.put("Description", bus.get("Description").asText());
      }
      busImage.set("Tags", tags(api, bus.path("Arn").asText()));
      ObjectNode byBus = AwsJson.MAPPER.createObjectNode().put("EventBusName", busName);
      for (JsonNode rule : pages(api, "ListRules", byBus, "Rules")) {
        ObjectNode ruleImage = rules.addObject();
        for (String member :
            List.of(
                "Name",
                "EventBusName",
                "EventPattern",
                "ScheduleExpression",
                "State",
                "Description",
                "RoleArn")) {
          if (rule.hasNonNull(member)) {
            ruleImage.set(member, rule.get(member));
          }
        }
        ObjectNode byRule =
            AwsJson.MAPPER
                .createObjectNode()
                .put("Rule", rule.path("Name").asText())
                .put("EventBusName", busName);
        ArrayNode targets = ruleImage.putArray("Targets");
        pages(api, "ListTargetsByRule", byRule, "Targets").forEach(targets::add);
        ruleImage.set("Tags", tags(api, rule.path("Arn").asText()));
      }
    }
    return snapshot;
  }

  /** Creates everything the snapshot holds, through the API, on a registry with only default. */
  static void restore(
      AwsJsonService api, JsonNode snapshot, Function<String, RuntimeException> bad) {
    if (snapshot.path("format").asInt() != FORMAT) {
      throw bad.apply("format " + snapshot.path("format") + ", expected " + FORMAT);
    }
    for (JsonNode bus : snapshot.path("buses")) {
      String name = bus.path("Name").asText();
      if (!name.equals(DEFAULT_BUS)) {
        ObjectNode create = AwsJson.MAPPER.createObjectNode().put("Name", name);
        if (bus.hasNonNull("Description")) {
          create.set("Description", bus.get("Description"));
        }
        api.invoke("CreateEventBus", create);
      }
      tag(api, bus, name, null);
    }
    for (JsonNode rule : snapshot.path("rules")) {
      ObjectNode put = rule.deepCopy();
      put.remove("Targets");
      put.remove("Tags");
      JsonNode created = api.invoke("PutRule", put);
      if (rule.path("Targets").size() > 0) {
        ObjectNode targets =
            AwsJson.MAPPER
                .createObjectNode()
                .put("Rule", rule.path("Name").asText())
                .put("EventBusName", rule.path("EventBusName").asText());
        targets.set("Targets", rule.get("Targets"));
        api.invoke("PutTargets", targets);
      }
      tag(api, rule, null, created.path("RuleArn").asText());
    }
  }

  /** Tags a restored bus (found by name) or rule (by the ARN PutRule answered). */
  private static void tag(AwsJsonService api, JsonNode image, String busName, String ruleArn) {
    JsonNode tags = image.path("Tags");
    if (!tags.isArray() || tags.isEmpty()) {
      return;
    }
    String arn = ruleArn;
    if (arn == null) {
      JsonNode described =
          api.invoke("DescribeEventBus", AwsJson.MAPPER.createObjectNode().put("Name", busName));
      arn = described.path("Arn").asText();
    }
    ObjectNode request = AwsJson.MAPPER.createObjectNode().put("ResourceARN", arn);
    request.set("Tags", tags);
    api.invoke("TagResource", request);
  }

  private static ArrayNode tags(AwsJsonService api, String arn) {
    JsonNode listed =
        api.invoke(
            "ListTagsForResource", AwsJson.MAPPER.createObjectNode().put("ResourceARN", arn));
    ArrayNode tags = AwsJson.MAPPER.createArrayNode();
    listed.path("Tags").forEach(tags::add);
    return tags;
  }

  /** Every item of a paged List operation. */
  private static List<JsonNode> pages(
      AwsJsonService api, String operation, ObjectNode request, String member) {
    List<JsonNode> items = new ArrayList<>();
    ObjectNode next = request.deepCopy();
    while (true) {
      JsonNode page = api.invoke(operation, next);
      page.path(member).forEach(items::add);
      if (!page.hasNonNull("NextToken")) {
        return items;
      }
      next.set("NextToken", page.get("NextToken"));
    }
  }
}
