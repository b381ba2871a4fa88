package io.computecase.local.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Malformed calls to the local Step Functions API: the generic barrage over a sample of every
 * operation, plus values AWS bounds (names, definitions, payloads, tags) made huge or wrong.
 * Samples name the fuzz's own state machine and execution, never the operator's.
 */
final class StepFunctionsFuzz {
  private static final String ROLE = "arn:aws:iam::000000000000:role/fuzz";
  private static final String PASS =
      "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";

  private final AwsJsonEndpoint api;
  private String machineArn;
  private String executionArn;

  StepFunctionsFuzz(AwsJsonEndpoint api) {
    this.api = api;
  }

  /** A state machine and a finished execution of it, for the samples to name. */
  void prepare() {
    machineArn =
        api.ok(
                "CreateStateMachine",
                object()
                    .put("name", "fuzz-machine")
                    .put("definition", PASS)
                    .put("roleArn", ROLE)
                    .toString())
            .path("stateMachineArn")
            .asText();
    executionArn =
        api.ok(
                "StartExecution",
                object()
                    .put("stateMachineArn", machineArn)
                    .put("name", "fuzz-execution")
                    .toString())
            .path("executionArn")
            .asText();
  }

  /** A valid call that must still succeed after the barrage. */
  void stillServes() {
    api.ok("DescribeExecution", object().put("executionArn", executionArn).toString());
    api.ok("ListStateMachines", "{}");
  }

  List<AwsCall> calls(MalformedBodies bodies) {
    List<AwsCall> calls = new ArrayList<>(AwsJsonFuzz.calls(api, samples(), bodies));
    String create = api.target("CreateStateMachine");
    calls.add(
        AwsCall.post(
            "CreateStateMachine name of 100,000 characters",
            create,
            machine(MalformedBodies.huge(100_000), PASS).toString()));
    calls.add(AwsCall.post("CreateStateMachine empty name", create, machine("", PASS).toString()));
    calls.add(
        AwsCall.post(
            "CreateStateMachine name with a slash", create, machine("a/b", PASS).toString()));
    calls.add(
        AwsCall.post(
            "CreateStateMachine definition over 1 MiB",
            create,
            machine("fuzz-big", "{\"Comment\":\"" + MalformedBodies.huge(1_100_000) + "\"}")
                .toString()));
    calls.add(
        AwsCall.post(
            "CreateStateMachine definition not JSON",
            create,
            machine("fuzz-x", "{StartAt").toString()));
    calls.add(
        AwsCall.post(
            "CreateStateMachine definition nested too deep",
            create,
            machine("fuzz-deep", MalformedBodies.nestedObjects(MalformedBodies.TOO_DEEP))
                .toString()));
    calls.add(
        AwsCall.post(
            "CreateStateMachine type unknown",
            create,
            machine("fuzz-type", PASS).put("type", "SUPERSONIC").toString()));
    String start = api.target("StartExecution");
    calls.add(
        AwsCall.post(
            "StartExecution input over 256 KiB",
            start,
            execution().put("input", "\"" + MalformedBodies.huge(300_000) + "\"").toString()));
    calls.add(
        AwsCall.post(
            "StartExecution input not JSON",
            start,
            execution().put("input", "{\"a\":").toString()));
    calls.add(
        AwsCall.post("StartExecution input empty", start, execution().put("input", "").toString()));
    calls.add(
        AwsCall.post(
            "StartExecution name of 10,000 characters",
            start,
            execution().put("name", MalformedBodies.huge(10_000)).toString()));
    calls.add(
        AwsCall.post(
            "StartExecution ARN of another service",
            start,
            object().put("stateMachineArn", "arn:aws:sqs:us-east-1:000000000000:q").toString()));
    calls.add(
        AwsCall.post(
            "SendTaskSuccess output over 256 KiB",
            api.target("SendTaskSuccess"),
            object()
                .put("taskToken", "t")
                .put("output", "\"" + MalformedBodies.huge(300_000) + "\"")
                .toString()));
    calls.add(
        AwsCall.post(
            "SendTaskSuccess task token of 100,000 characters",
            api.target("SendTaskSuccess"),
            object()
                .put("taskToken", MalformedBodies.huge(100_000))
                .put("output", "{}")
                .toString()));
    calls.add(
        AwsCall.post(
            "ListExecutions maxResults over 1000",
            api.target("ListExecutions"),
            object().put("stateMachineArn", machineArn).put("maxResults", 1_000_000).toString()));
    calls.add(
        AwsCall.post(
            "ListExecutions maxResults past a 64-bit integer",
            api.target("ListExecutions"),
            "{\"stateMachineArn\":\""
                + machineArn
                + "\",\"maxResults\":123456789012345678901234567890}"));
    calls.add(
        AwsCall.post(
            "ListExecutions statusFilter unknown",
            api.target("ListExecutions"),
            object()
                .put("stateMachineArn", machineArn)
                .put("statusFilter", "SLEEPING")
                .toString()));
    calls.add(
        AwsCall.post(
            "GetExecutionHistory nextToken forged",
            api.target("GetExecutionHistory"),
            object()
                .put("executionArn", executionArn)
                .put("nextToken", "forged-token")
                .toString()));
    ObjectNode tooManyTags = object().put("resourceArn", machineArn);
    for (int i = 0; i < 60; i++) {
      tooManyTags.withArray("tags").addObject().put("key", "k" + i).put("value", "v");
    }
    calls.add(
        AwsCall.post("TagResource 60 tags", api.target("TagResource"), tooManyTags.toString()));
    ObjectNode longKey = object().put("resourceArn", machineArn);
    longKey.putArray("tags").addObject().put("key", MalformedBodies.huge(200)).put("value", "v");
    calls.add(
        AwsCall.post(
            "TagResource key of 200 characters", api.target("TagResource"), longKey.toString()));
    return calls;
  }

  private Map<String, ObjectNode> samples() {
    Map<String, ObjectNode> samples = new LinkedHashMap<>();
    ObjectNode create = machine("fuzz-created", PASS).put("type", "STANDARD");
    create.putArray("tags").addObject().put("key", "k").put("value", "v");
    create.putObject("loggingConfiguration").put("level", "OFF").put("includeExecutionData", false);
    create.putObject("tracingConfiguration").put("enabled", false);
    samples.put("CreateStateMachine", create);
    samples.put("DescribeStateMachine", object().put("stateMachineArn", machineArn));
    samples.put("ListStateMachines", object().put("maxResults", 10).put("nextToken", "t"));
    ObjectNode update =
        object().put("stateMachineArn", machineArn).put("definition", PASS).put("roleArn", ROLE);
    update.putObject("loggingConfiguration").put("level", "OFF");
    update.putObject("tracingConfiguration").put("enabled", false);
    samples.put("UpdateStateMachine", update);
    samples.put(
        "DeleteStateMachine",
        object()
            .put(
                "stateMachineArn",
                "arn:aws:states:us-east-1:000000000000:stateMachine:fuzz-absent"));
    samples.put(
        "ValidateStateMachineDefinition",
        object().put("definition", PASS).put("type", "STANDARD").put("maxResults", 10));
    samples.put("DescribeStateMachineForExecution", object().put("executionArn", executionArn));
    samples.put("StartExecution", execution().put("input", "{}").put("traceHeader", "Root=1"));
    samples.put("StartSyncExecution", execution().put("input", "{}"));
    samples.put("DescribeExecution", object().put("executionArn", executionArn));
    samples.put(
        "StopExecution",
        object().put("executionArn", executionArn).put("error", "E").put("cause", "C"));
    samples.put(
        "RedriveExecution", object().put("executionArn", executionArn).put("clientToken", "t"));
    samples.put(
        "ListExecutions",
        object()
            .put("stateMachineArn", machineArn)
            .put("statusFilter", "RUNNING")
            .put("maxResults", 10));
    samples.put(
        "GetExecutionHistory",
        object()
            .put("executionArn", executionArn)
            .put("maxResults", 10)
            .put("reverseOrder", true)
            .put("includeExecutionData", true));
    samples.put("SendTaskSuccess", object().put("taskToken", "fuzz-token").put("output", "{}"));
    samples.put(
        "SendTaskFailure",
        object().put("taskToken", "fuzz-token").put("error", "E").put("cause", "C"));
    samples.put("SendTaskHeartbeat", object().put("taskToken", "fuzz-token"));
    samples.put("ListMapRuns", object().put("executionArn", executionArn).put("maxResults", 10));
    String mapRun = "arn:aws:states:us-east-1:000000000000:mapRun:fuzz-machine/m:1";
    samples.put("DescribeMapRun", object().put("mapRunArn", mapRun));
    samples.put(
        "UpdateMapRun",
        object()
            .put("mapRunArn", mapRun)
            .put("maxConcurrency", 1)
            .put("toleratedFailurePercentage", 1.5)
            .put("toleratedFailureCount", 1));
    ObjectNode tag = object().put("resourceArn", machineArn);
    tag.putArray("tags").addObject().put("key", "k").put("value", "v");
    samples.put("TagResource", tag);
    ObjectNode untag = object().put("resourceArn", machineArn);
    untag.putArray("tagKeys").add("k");
    samples.put("UntagResource", untag);
    samples.put("ListTagsForResource", object().put("resourceArn", machineArn));
    return samples;
  }

  private ObjectNode execution() {
    return object().put("stateMachineArn", machineArn).put("name", "fuzz-started");
  }

  private static ObjectNode machine(String name, String definition) {
    return object().put("name", name).put("definition", definition).put("roleArn", ROLE);
  }

  private static ObjectNode object() {
    return MalformedBodies.JSON.createObjectNode();
  }
}
