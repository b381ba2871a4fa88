package io.computecase.operator.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.computecase.local.sfn.query.Jsonata;
import io.computecase.local.sfn.query.QueryScope;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The item processor's recovery expressions in the state machine the operator deploys, evaluated by
 * the local engine's JSONata: backoff waits, which errors get another attempt, the heartbeat
 * fields, and the Map's failure count.
 */
class ItemProcessorExpressionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode machine;
  private static JsonNode itemStates;

  @BeforeAll
  static void read() throws Exception {
    try (InputStream in =
        ItemProcessorExpressionsTest.class.getResourceAsStream(
            "/io/computecase/operator/asl/computecase.asl.json")) {
      machine = JSON.readTree(in);
    }
    itemStates = machine.at("/States/ComputeItems/ItemProcessor/States");
  }

  @Test
  void waitsGrowByTheBackoffRateAfterEachFailedAttempt() {
    String seconds = itemStates.at("/WaitBeforeRetry/Seconds").asText();
    ObjectNode input = itemInput(0, 3, 3, 2.0);
    assertThat(waitAfter(seconds, input, 1)).isEqualTo(3);
    assertThat(waitAfter(seconds, input, 2)).isEqualTo(6);
    assertThat(waitAfter(seconds, input, 3)).isEqualTo(12);
    ObjectNode even = itemInput(0, 3, 5, 1.0);
    assertThat(waitAfter(seconds, even, 4)).isEqualTo(5);
  }

  @Test
  void anotherAttemptOnlyWhileAttemptsRemainAndNeverAfterATimeout() {
    String condition = itemStates.at("/RetryOrFailItem/Choices/0/Condition").asText();
    ObjectNode input = itemInput(0, 3, 1, 2.0);
    assertThat(retries(condition, input, 1, "ComputeError")).isTrue();
    assertThat(retries(condition, input, 2, "States.HeartbeatTimeout")).isTrue();
    assertThat(retries(condition, input, 3, "ComputeError")).isFalse();
    assertThat(retries(condition, input, 1, "States.Timeout")).isFalse();
    // an input built without a retry policy tries each item once
    ObjectNode noPolicy = itemInput(0, 3, 1, 2.0);
    ((ObjectNode) noPolicy.get("request")).remove("retry");
    assertThat(retries(condition, noPolicy, 1, "ComputeError")).isFalse();
  }

  @Test
  void theCatchCountsAttemptsFromOneAndKeepsTheLastErrorAndCause() {
    JsonNode assign = itemStates.at("/DispatchItem/Catch/0/Assign");
    ObjectNode error = JSON.createObjectNode().put("Error", "ComputeError").put("Cause", "boom");
    QueryScope first =
        QueryScope.of(itemInput(0, 3, 1, 2.0), context(), Map.of()).withErrorOutput(error);
    assertThat(Jsonata.evaluateTemplate(assign, first, "Assign"))
        .isEqualTo(
            json(
                "{\"failedAttempts\": 1, \"lastError\": \"ComputeError\", \"lastCause\":"
                    + " \"boom\"}"));
    QueryScope second =
        QueryScope.of(
                itemInput(0, 3, 1, 2.0), context(), Map.of("failedAttempts", IntNode.valueOf(1)))
            .withErrorOutput(JSON.createObjectNode().put("Error", "States.HeartbeatTimeout"));
    assertThat(Jsonata.evaluateTemplate(assign, second, "Assign"))
        .isEqualTo(
            json(
                "{\"failedAttempts\": 2, \"lastError\": \"States.HeartbeatTimeout\","
                    + " \"lastCause\": \"\"}"));
  }

  @Test
  void aHeartbeatIntervalReachesTheTaskAndTheWorkersEvent() {
    JsonNode task = itemStates.get("DispatchItem");
    QueryScope withHeartbeat = QueryScope.of(itemInput(30, 1, 1, 2.0), context(), Map.of());
    assertThat(Jsonata.evaluate(task.get("HeartbeatSeconds").asText(), withHeartbeat).asInt())
        .isEqualTo(30);
    assertThat(detail(task, withHeartbeat).get("heartbeatSeconds").asInt()).isEqualTo(30);

    QueryScope without = QueryScope.of(itemInput(0, 1, 1, 2.0), context(), Map.of());
    // no heartbeat expected: only the item timeout (600 s) can fire
    assertThat(Jsonata.evaluate(task.get("HeartbeatSeconds").asText(), without).asInt())
        .isEqualTo(601);
    assertThat(detail(task, without).has("heartbeatSeconds")).isFalse();
    assertThat(detail(task, without).get("taskToken").asText()).isEqualTo("tok-1");
  }

  @Test
  void anInputWithoutTheRecoveryFieldsSendsTheContractsEventAndFailsFast() {
    ObjectNode input = itemInput(0, 1, 1, 2.0);
    ObjectNode request = (ObjectNode) input.get("request");
    request.remove(List.of("heartbeatSeconds", "retry"));
    QueryScope scope = QueryScope.of(input, context(), Map.of());
    JsonNode task = itemStates.get("DispatchItem");

    assertThat(detail(task, scope).fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "requestId",
            "target",
            "route",
            "parameters",
            "traceparent",
            "index",
            "item",
            "taskToken");
    assertThat(Jsonata.evaluate(task.get("HeartbeatSeconds").asText(), scope).asInt())
        .isEqualTo(601);
    assertThat(
            retries(
                itemStates.at("/RetryOrFailItem/Choices/0/Condition").asText(),
                input,
                1,
                "ComputeError"))
        .isFalse();
  }

  @Test
  void theMapReadsItsItemsAndWritesItsResultsWhereTheInputSaysAndToleratesTheRequestsCount() {
    ObjectNode input = JSON.createObjectNode();
    input.putObject("request").put("toleratedFailureCount", 2).put("itemCount", 1_000_000);
    input.putObject("items").put("bucket", "b").put("key", "cases/ns/n/uid/items.jsonl");
    input.putObject("results").put("bucket", "b").put("prefix", "results/ns/n/uid");
    QueryScope scope = QueryScope.of(input, context(), Map.of());
    JsonNode map = machine.at("/States/ComputeItems");

    assertThat(Jsonata.evaluate(map.path("ToleratedFailureCount").asText(), scope).asInt())
        .isEqualTo(2);
    assertThat(map.has("Items")).isFalse();
    JsonNode reader = map.path("ItemReader");
    assertThat(reader.path("Resource").asText()).isEqualTo("arn:aws:states:::s3:getObject");
    assertThat(reader.at("/ReaderConfig/InputType").asText()).isEqualTo("JSONL");
    assertThat(Jsonata.evaluate(reader.at("/Arguments/Bucket").asText(), scope).asText())
        .isEqualTo("b");
    assertThat(Jsonata.evaluate(reader.at("/Arguments/Key").asText(), scope).asText())
        .isEqualTo("cases/ns/n/uid/items.jsonl");
    JsonNode writer = map.path("ResultWriter");
    assertThat(writer.path("Resource").asText()).isEqualTo("arn:aws:states:::s3:putObject");
    assertThat(Jsonata.evaluate(writer.at("/Arguments/Prefix").asText(), scope).asText())
        .isEqualTo("results/ns/n/uid");
  }

  @Test
  void theExecutionOutputSaysWhereTheResultsAre() {
    ObjectNode mapOutput = JSON.createObjectNode();
    mapOutput.putObject("request").put("requestId", "r").put("busName", "bus");
    mapOutput.put("mapRunArn", "arn:aws:states:us-east-1:1:mapRun:sm/ComputeItems:abc");
    mapOutput
        .putObject("resultWriterDetails")
        .put("Bucket", "b")
        .put("Key", "results/ns/n/uid/abc/manifest.json");
    JsonNode output =
        Jsonata.evaluate(
            machine.at("/States/Summarize/Output").asText(),
            QueryScope.of(mapOutput, context(), Map.of()));

    assertThat(output.path("requestId").asText()).isEqualTo("r");
    assertThat(output.path("busName").asText()).isEqualTo("bus");
    assertThat(output.at("/resultWriterDetails/Key").asText())
        .isEqualTo("results/ns/n/uid/abc/manifest.json");
  }

  private static int waitAfter(String seconds, ObjectNode input, int failedAttempts) {
    QueryScope scope =
        QueryScope.of(input, context(), Map.of("failedAttempts", IntNode.valueOf(failedAttempts)));
    return Jsonata.evaluate(seconds, scope).asInt();
  }

  private static boolean retries(
      String condition, ObjectNode input, int failedAttempts, String lastError) {
    QueryScope scope =
        QueryScope.of(
            input,
            context(),
            Map.of(
                "failedAttempts",
                IntNode.valueOf(failedAttempts),
                "lastError",
                TextNode.valueOf(lastError)));
    return Jsonata.evaluate(condition, scope).asBoolean();
  }

  private static JsonNode detail(JsonNode task, QueryScope scope) {
    return Jsonata.evaluateTemplate(task.get("Arguments"), scope, "Arguments")
        .at("/Entries/0/Detail");
  }

  private static ObjectNode itemInput(
      int heartbeatSeconds, int maxAttempts, int intervalSeconds, double backoffRate) {
    ObjectNode input = JSON.createObjectNode();
    ObjectNode request = input.putObject("request");
    request
        .put("requestId", "r-1")
        .put("target", "default")
        .put("route", "team-a/default")
        .put("busName", "computecase")
        .put("itemTimeoutSeconds", 600)
        .put("heartbeatSeconds", heartbeatSeconds)
        .put("traceparent", "");
    request.putObject("parameters");
    request
        .putObject("retry")
        .put("maxAttempts", maxAttempts)
        .put("intervalSeconds", intervalSeconds)
        .put("backoffRate", backoffRate);
    input.put("index", 4);
    input.putObject("item").put("caseId", "4");
    return input;
  }

  private static JsonNode context() {
    return json("{\"Task\": {\"Token\": \"tok-1\"}}");
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
