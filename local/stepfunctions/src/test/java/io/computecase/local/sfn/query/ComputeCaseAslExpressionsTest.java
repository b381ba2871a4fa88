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
 * engine evaluates it: item selection, the event sent per item, and the summary statistics.
 */
class ComputeCaseAslExpressionsTest {
  private static JsonNode states;

  private static final JsonNode REQUEST =
      json(
          """
          {"requestId": "r-1", "target": "pricing", "parameters": {"scale": 2},
           "busName": "computecase", "maxConcurrency": 0, "toleratedFailurePercentage": 5,
           "itemTimeoutSeconds": 60, "traceparent": ""}
          """);

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
    QueryScope scope = QueryScope.of(input("[{\"caseId\": \"c-4\", \"x\": 1}]"), context, Map.of());
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
                  "Detail": {"requestId": "r-1", "target": "pricing", "parameters": {"scale": 2},
                             "traceparent": "", "index": 4, "item": {"caseId": "c-4"},
                             "taskToken": "tok-4"}}]}
                """));
  }

  @Test
  void summaryComputesDurationStatisticsOverNumbersOnly() {
    JsonNode summary = summarize("[40, null, 10, 30, 20]");
    assertThat(summary)
        .isEqualTo(
            json(
                """
                {"requestId": "r-1", "target": "pricing", "busName": "computecase",
                 "itemsSucceeded": 4,
                 "durationMs": {"min": 10, "p50": 20, "p95": 30, "max": 40}}
                """));
  }

  @Test
  void summaryOfOneItem() {
    assertThat(summarize("[7]").get("durationMs"))
        .isEqualTo(json("{\"min\": 7, \"p50\": 7, \"p95\": 7, \"max\": 7}"));
  }

  @Test
  void summaryWithNoSucceededItemHasNullDurations() {
    JsonNode summary = summarize("[]");
    assertThat(summary.get("itemsSucceeded")).isEqualTo(json("0"));
    assertThat(summary.get("durationMs").isNull()).isTrue();
  }

  private static JsonNode summarize(String durations) {
    JsonNode input = json("{\"request\": " + REQUEST + ", \"durations\": " + durations + "}");
    String output = states.get("Summarize").get("Output").textValue();
    return Jsonata.evaluate(output, QueryScope.of(input, json("{}"), Map.of()), "Output");
  }

  private static JsonNode input(String items) {
    return json("{\"request\": " + REQUEST + ", \"items\": " + items + "}");
  }
}
