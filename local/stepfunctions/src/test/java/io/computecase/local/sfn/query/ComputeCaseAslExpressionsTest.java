package io.computecase.local.sfn.query;

import static io.computecase.local.sfn.query.QueryFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSONata of the project's own state machine (asl/computecase.asl.json), evaluated the way the
 * engine evaluates it: where the items are read and the results written, the concurrency and
 * failure tolerance taken from the request, item selection, the event sent per item and the item's
 * output, and what the Map and the summary pass on.
 */
class ComputeCaseAslExpressionsTest {
  private static JsonNode states;

  private static final JsonNode REQUEST =
      json(
          """
          {"requestId": "r-1", "target": "pricing", "route": "pricing-3f2a",
           "parameters": {"scale": 2}, "busName": "computecase", "maxConcurrency": 8,
           "itemCount": 40, "toleratedFailurePercentage": 5, "toleratedFailureCount": 2,
           "itemTimeoutSeconds": 60, "heartbeatSeconds": 0,
           "retry": {"maxAttempts": 1, "intervalSeconds": 1, "backoffRate": 2},
           "traceparent": ""}
          """);

  /** The execution input as the operator's ExecutionInput builds it. */
  private static final JsonNode INPUT =
      json(
          "{\"request\": "
              + REQUEST
              + ", \"items\": {\"bucket\": \"computecase\", \"key\": \"cases/ns/r-1/items.jsonl\"},"
              + " \"results\": {\"bucket\": \"computecase\", \"prefix\": \"results/ns/r-1\"}}");

  private static final String MAP_RUN_ARN =
      "arn:aws:states:us-east-1:000000000000:mapRun:computecase/ComputeItems:0f3c";

  private static final JsonNode RESULT_WRITER_DETAILS =
      json("{\"Bucket\": \"computecase\", \"Key\": \"results/ns/r-1/0f3c/manifest.json\"}");

  @BeforeAll
  static void readDefinition() throws IOException {
    Path definition = Path.of("../../asl/computecase.asl.json");
    assertThat(definition).as("the project's state machine definition").exists();
    states = AwsJson.MAPPER.readTree(Files.readString(definition)).get("States");
  }

  @Test
  void itemSelectorPairsEachItemWithTheRequestAndItsIndex() {
    JsonNode context =
        json("{\"Map\": {\"Item\": {\"Index\": 4, \"Value\": {\"caseId\": \"c-4\", \"x\": 1}}}}");
    QueryScope scope = QueryScope.of(INPUT, context, Map.of());
    JsonNode selector = states.get("ComputeItems").get("ItemSelector");
    assertThat(Jsonata.evaluateTemplate(selector, scope, "ItemSelector"))
        .isEqualTo(
            json(
                "{\"request\": "
                    + REQUEST
                    + ", \"index\": 4, \"item\": {\"caseId\": \"c-4\", \"x\": 1}}"));
  }

  @Test
  void dispatchSendsTheContractualItemEvent() {
    JsonNode itemInput =
        json("{\"request\": " + REQUEST + ", \"index\": 4, \"item\": {\"caseId\": \"c-4\"}}");
    JsonNode context = json("{\"Task\": {\"Token\": \"tok-4\"}}");
    JsonNode arguments =
        states
            .get("ComputeItems")
            .get("ItemProcessor")
            .get("States")
            .get("DispatchItem")
            .get("Arguments");
    JsonNode entries =
        Jsonata.evaluateTemplate(
            arguments, QueryScope.of(itemInput, context, Map.of()), "Arguments");
    assertThat(entries)
        .isEqualTo(
            json(
                """
                {"Entries": [{"EventBusName": "computecase", "Source": "computecase.io",
                  "DetailType": "ComputeCaseItem",
                  "Detail": {"requestId": "r-1", "target": "pricing", "route": "pricing-3f2a",
                             "parameters": {"scale": 2}, "traceparent": "", "index": 4,
                             "item": {"caseId": "c-4"}, "taskToken": "tok-4"}}]}
                """));
  }

  @Test
  void theItemsAreReadFromTheirObjectAndTheResultsWrittenUnderTheCasesPrefix() {
    JsonNode map = states.get("ComputeItems");
    QueryScope scope = QueryScope.of(INPUT, json("{}"), Map.of());
    assertThat(map.at("/ItemReader/ReaderConfig/InputType").asText()).isEqualTo("JSONL");
    assertThat(Jsonata.evaluateTemplate(map.at("/ItemReader/Arguments"), scope, "Arguments"))
        .isEqualTo(json("{\"Bucket\": \"computecase\", \"Key\": \"cases/ns/r-1/items.jsonl\"}"));
    assertThat(Jsonata.evaluateTemplate(map.at("/ResultWriter/Arguments"), scope, "Arguments"))
        .isEqualTo(json("{\"Bucket\": \"computecase\", \"Prefix\": \"results/ns/r-1\"}"));
  }

  @Test
  void concurrencyAndFailureToleranceComeFromTheRequest() {
    JsonNode map = states.get("ComputeItems");
    QueryScope scope = QueryScope.of(INPUT, json("{}"), Map.of());
    assertThat(mapField(map, "MaxConcurrency", scope)).isEqualTo(json("8"));
    assertThat(mapField(map, "ToleratedFailurePercentage", scope)).isEqualTo(json("5"));
    assertThat(mapField(map, "ToleratedFailureCount", scope)).isEqualTo(json("2"));
  }

  @Test
  void anItemsOutputIsTheWorkersWholeAnswer() {
    JsonNode answer =
        json(
            """
            {"index": 4, "caseId": "c-4", "result": {"price": 12.5}, "durationMs": 37,
             "worker": "w-1"}
            """);
    String output =
        states.get("ComputeItems").at("/ItemProcessor/States/DispatchItem/Output").textValue();
    JsonNode itemInput =
        json("{\"request\": " + REQUEST + ", \"index\": 4, \"item\": {\"caseId\": \"c-4\"}}");
    assertThat(
            Jsonata.evaluate(
                output,
                QueryScope.of(itemInput, json("{}"), Map.of()).withResult(answer),
                "Output"))
        .isEqualTo(answer);
  }

  @Test
  void theMapPassesOnTheRequestAndWhereItsResultsAre() {
    assertThat(mapOutput())
        .isEqualTo(
            json(
                "{\"request\": "
                    + REQUEST
                    + ", \"mapRunArn\": \""
                    + MAP_RUN_ARN
                    + "\", \"resultWriterDetails\": "
                    + RESULT_WRITER_DETAILS
                    + "}"));
  }

  @Test
  void theSummaryNamesTheRequestAndWhereItsResultsAre() {
    String output = states.get("Summarize").get("Output").textValue();
    JsonNode summary =
        Jsonata.evaluate(output, QueryScope.of(mapOutput(), json("{}"), Map.of()), "Output");
    assertThat(summary)
        .isEqualTo(
            json(
                """
                {"requestId": "r-1", "target": "pricing", "busName": "computecase",
                 "mapRunArn": "%s", "resultWriterDetails": %s}
                """
                    .formatted(MAP_RUN_ARN, RESULT_WRITER_DETAILS)));
  }

  /** The Map's Output once its Map Run wrote the results: the Map state's result is where. */
  private static JsonNode mapOutput() {
    JsonNode result =
        json(
            "{\"MapRunArn\": \""
                + MAP_RUN_ARN
                + "\", \"ResultWriterDetails\": "
                + RESULT_WRITER_DETAILS
                + "}");
    String output = states.get("ComputeItems").get("Output").textValue();
    return Jsonata.evaluate(
        output, QueryScope.of(INPUT, json("{}"), Map.of()).withResult(result), "Output");
  }

  private static JsonNode mapField(JsonNode map, String field, QueryScope scope) {
    return Jsonata.evaluate(map.get(field).textValue(), scope, field);
  }
}
