package io.computecase.local.sfn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.support.S3MapFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * ResultWriter as the Guide's ResultWriter page lays it out: the Map answers the Map Run's ARN and
 * where its manifest is; under {@code <Prefix>/<map run id>/} the manifest names a SUCCEEDED,
 * FAILED and PENDING file for the results of each kind; WriterConfig shapes each result (NONE,
 * COMPACT, FLATTEN) as a JSON array or JSON Lines.
 */
class S3ResultWriterTest {
  private final S3MapFixture fixture = new S3MapFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  /** A Distributed Map over $.items whose child fails with Boom when its item has "fail". */
  private static String machine(String mapFields) {
    return """
        {"StartAt": "M", "States": {"M": {
          "Type": "Map", "ItemsPath": "$.items", %s
          "ItemProcessor": {
            "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "C", "States": {
              "C": {"Type": "Choice", "Choices": [
                {"Variable": "$.fail", "IsPresent": true, "Next": "F"}], "Default": "P"},
              "F": {"Type": "Fail", "Error": "Boom", "Cause": "bad item"},
              "P": {"Type": "Pass", "Parameters": {"done.$": "$.n"}, "End": true}}},
          "End": true}}}
        """
        .formatted(mapFields);
  }

  private static final String EXPORT =
      """
      "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject",
        "Parameters": {"Bucket": "results", "Prefix": "jobs"}},
      """;

  @Test
  void theMapAnswersItsMapRunAndWhereTheManifestIsAndTheFilesHoldEachChild() {
    DescribeExecutionResponse ended =
        fixture.run(machine(EXPORT), "{\"items\": [{\"n\": 1}, {\"n\": 2}, {\"n\": 3}]}");
    assertThat(ended.status()).as(ended.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
    DescribeMapRunResponse mapRun = fixture.mapRun(ended.executionArn());
    String id = mapRun.mapRunArn().substring(mapRun.mapRunArn().lastIndexOf(':') + 1);
    assertThat(json(ended.output()))
        .isEqualTo(
            json(
                """
                {"MapRunArn": "%s",
                 "ResultWriterDetails": {"Bucket": "results", "Key": "jobs/%s/manifest.json"}}
                """
                    .formatted(mapRun.mapRunArn(), id)));

    String succeededKey = "jobs/" + id + "/SUCCEEDED_0.json";
    long size = fixture.read(S3MapFixture.RESULTS, succeededKey).getBytes().length;
    assertThat(fixture.readJson(S3MapFixture.RESULTS, "jobs/" + id + "/manifest.json"))
        .isEqualTo(
            json(
                """
                {"DestinationBucket": "results", "MapRunArn": "%s",
                 "ResultFiles": {"FAILED": [], "PENDING": [],
                   "SUCCEEDED": [{"Key": "%s", "Size": %d}]}}
                """
                    .formatted(mapRun.mapRunArn(), succeededKey, size)));

    JsonNode results = fixture.readJson(S3MapFixture.RESULTS, succeededKey);
    assertThat(results).hasSize(3);
    List<String> outputs = new ArrayList<>();
    for (JsonNode entry : results) {
      assertThat(entry.get("Status").asText()).isEqualTo("SUCCEEDED");
      assertThat(entry.get("ExecutionArn").asText())
          .startsWith(
              "arn:aws:states:us-east-1:000000000000:execution:"
                  + mapRun.mapRunArn().split(":")[6]
                  + ":")
          .endsWith(":" + entry.get("Name").asText());
      assertThat(entry.get("StateMachineArn").asText()).contains(":stateMachine:");
      assertThat(entry.get("InputDetails")).isEqualTo(json("{\"Included\": true}"));
      assertThat(entry.get("OutputDetails")).isEqualTo(json("{\"Included\": true}"));
      assertThat(entry.get("RedriveCount").asInt()).isZero();
      assertThat(entry.get("RedriveStatus").asText()).isEqualTo("NOT_REDRIVABLE");
      assertThat(entry.get("RedriveStatusReason").asText())
          .isEqualTo("Execution is SUCCEEDED and cannot be redriven");
      assertThat(entry.get("StartDate").asText())
          .matches("\\d{4}-\\d\\d-\\d\\dT[\\d:]{8}\\.\\d{3}Z");
      assertThat(entry.get("StopDate").asText())
          .matches("\\d{4}-\\d\\d-\\d\\dT[\\d:]{8}\\.\\d{3}Z");
      assertThat(json(entry.get("Input").asText()).get("n").asInt())
          .isEqualTo(json(entry.get("Output").asText()).get("done").asInt());
      outputs.add(entry.get("Output").asText());
    }
    assertThat(outputs).containsExactly("{\"done\":1}", "{\"done\":2}", "{\"done\":3}");
    assertThat(mapRun.itemCounts().succeeded()).isEqualTo(3);
    assertThat(mapRun.itemCounts().resultsWritten()).isEqualTo(3);
    assertThat(mapRun.executionCounts().resultsWritten()).isEqualTo(3);
  }

  @Test
  void toleratedFailuresAreInTheFailedFileWithTheirErrorAndCause() {
    DescribeExecutionResponse ended =
        fixture.run(
            machine(EXPORT + "\"ToleratedFailurePercentage\": 100,"),
            "{\"items\": [{\"n\": 1}, {\"n\": 2, \"fail\": true}]}");
    assertThat(ended.status()).as(ended.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode manifest = manifest(ended);
    assertThat(manifest.at("/ResultFiles/SUCCEEDED")).hasSize(1);
    assertThat(manifest.at("/ResultFiles/PENDING")).isEmpty();
    JsonNode failed =
        fixture.readJson(S3MapFixture.RESULTS, manifest.at("/ResultFiles/FAILED/0/Key").asText());
    assertThat(failed).hasSize(1);
    JsonNode entry = failed.get(0);
    assertThat(entry.get("Status").asText()).isEqualTo("FAILED");
    assertThat(entry.get("Error").asText()).isEqualTo("Boom");
    assertThat(entry.get("Cause").asText()).isEqualTo("bad item");
    assertThat(json(entry.get("Input").asText())).isEqualTo(json("{\"n\": 2, \"fail\": true}"));
    assertThat(entry.has("Output")).isFalse();
    assertThat(manifest.at("/ResultFiles/FAILED/0/Key").asText()).endsWith("/FAILED_0.json");
  }

  @Test
  void aFailedMapRunStillExportsAndListsTheUnitsItNeverStartedAsPendingGuess() {
    DescribeExecutionResponse ended =
        fixture.run(
            machine(EXPORT + "\"MaxConcurrency\": 1,"),
            "{\"items\": [{\"n\": 1, \"fail\": true}, {\"n\": 2}, {\"n\": 3}]}");
    assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(ended.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    DescribeMapRunResponse mapRun = fixture.mapRun(ended.executionArn());
    String id = mapRun.mapRunArn().substring(mapRun.mapRunArn().lastIndexOf(':') + 1);
    JsonNode manifest = fixture.readJson(S3MapFixture.RESULTS, "jobs/" + id + "/manifest.json");
    assertThat(manifest.at("/ResultFiles/SUCCEEDED")).isEmpty();
    JsonNode pending =
        fixture.readJson(S3MapFixture.RESULTS, manifest.at("/ResultFiles/PENDING/0/Key").asText());
    assertThat(pending)
        .containsExactly(
            json(
                "{\"Input\": \"{\\\"n\\\":2}\", \"InputDetails\": {\"Included\": true},"
                    + " \"Status\": \"PENDING\"}"),
            json(
                "{\"Input\": \"{\\\"n\\\":3}\", \"InputDetails\": {\"Included\": true},"
                    + " \"Status\": \"PENDING\"}"));
    assertThat(mapRun.itemCounts().failed()).isEqualTo(1);
    assertThat(mapRun.itemCounts().aborted()).isEqualTo(2);
    assertThat(mapRun.itemCounts().resultsWritten()).isEqualTo(1);
  }

  @Test
  void jsonLinesOutputTypeWritesOneEntryPerLine() {
    DescribeExecutionResponse ended =
        fixture.run(
            machine(
                """
                "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject",
                  "Parameters": {"Bucket": "results", "Prefix": "lines/"},
                  "WriterConfig": {"Transformation": "COMPACT", "OutputType": "JSONL"}},
                """),
            "{\"items\": [{\"n\": 1}, {\"n\": 2}]}");
    assertThat(ended.status()).as(ended.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode output = json(ended.output());
    assertThat(output.at("/ResultWriterDetails/Key").asText())
        .startsWith("lines/")
        .doesNotContain("//");
    JsonNode manifest = manifest(ended);
    String lines =
        fixture.read(S3MapFixture.RESULTS, manifest.at("/ResultFiles/SUCCEEDED/0/Key").asText());
    assertThat(lines).isEqualTo("{\"done\":1}\n{\"done\":2}\n");
  }

  @Test
  void writerConfigAloneShapesTheMapsOutput() {
    String arrays =
        """
        {"StartAt": "M", "States": {"M": {
          "Type": "Map", "ItemsPath": "$.items",
          "ResultWriter": {"WriterConfig": {"Transformation": "%s", "OutputType": "JSON"}},
          "ItemProcessor": {
            "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "P", "States": {"P": {"Type": "Pass",
              "Parameters": {"pair.$": "States.Array($.n, $.n)"}, "OutputPath": "$.pair",
              "End": true}}},
          "End": true}}}
        """;
    String input = "{\"items\": [{\"n\": 1}, {\"n\": 2}]}";
    assertThat(json(fixture.run(arrays.formatted("COMPACT"), input).output()))
        .isEqualTo(json("[[1, 1], [2, 2]]"));
    assertThat(json(fixture.run(arrays.formatted("FLATTEN"), input).output()))
        .isEqualTo(json("[1, 1, 2, 2]"));
    JsonNode none = json(fixture.run(arrays.formatted("NONE"), input).output());
    assertThat(none).hasSize(2);
    assertThat(none.get(0).get("Output").asText()).isEqualTo("[1,1]");
    assertThat(none.get(0).get("Status").asText()).isEqualTo("SUCCEEDED");
  }

  @Test
  void flattenAppliesToTheExportedFileToo() {
    DescribeExecutionResponse ended =
        fixture.run(
            """
            {"StartAt": "M", "States": {"M": {
              "Type": "Map", "ItemsPath": "$.items",
              "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject",
                "Parameters": {"Bucket": "results", "Prefix": "flat"},
                "WriterConfig": {"Transformation": "FLATTEN", "OutputType": "JSON"}},
              "ItemProcessor": {
                "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                "StartAt": "P", "States": {"P": {"Type": "Pass",
                  "Parameters": {"pair.$": "States.Array($.n, $.n)"}, "OutputPath": "$.pair",
                  "End": true}}},
              "End": true}}}
            """,
            "{\"items\": [{\"n\": 1}, {\"n\": 2}]}");
    assertThat(ended.status()).as(ended.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode manifest = manifest(ended);
    assertThat(
            fixture.readJson(
                S3MapFixture.RESULTS, manifest.at("/ResultFiles/SUCCEEDED/0/Key").asText()))
        .isEqualTo(json("[1, 1, 2, 2]"));
  }

  @Test
  void aBucketThatDoesNotExistFailsTheMapWithResultWriterFailed() {
    DescribeExecutionResponse ended =
        fixture.run(
            machine(
                """
                "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject",
                  "Parameters": {"Bucket": "nowhere", "Prefix": "jobs"}},
                """),
            "{\"items\": [{\"n\": 1}]}");
    assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(ended.error()).isEqualTo("States.ResultWriterFailed");
    assertThat(ended.cause()).contains("s3://nowhere/jobs/").contains("NoSuchBucket");
  }

  @Test
  void itemsReadFromS3ExportTheirResultsToo() {
    fixture.put("in/n.jsonl", json("\"{\\\"n\\\": 1}\\n{\\\"n\\\": 2}\\n\""));
    DescribeExecutionResponse ended =
        fixture.run(
            machine(EXPORT)
                .replace(
                    "\"ItemsPath\": \"$.items\",",
                    """
                    "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
                      "ReaderConfig": {"InputType": "JSONL"},
                      "Parameters": {"Bucket": "data", "Key": "in/n.jsonl"}},
                    """),
            "{}");
    assertThat(ended.status()).as(ended.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode manifest = manifest(ended);
    JsonNode results =
        fixture.readJson(
            S3MapFixture.RESULTS, manifest.at("/ResultFiles/SUCCEEDED/0/Key").asText());
    assertThat(results)
        .extracting(entry -> entry.get("Output").asText())
        .containsExactly("{\"done\":1}", "{\"done\":2}");
  }

  @Test
  void aThousandItemsReadFromS3AreCountedAndExportedOnce() {
    StringBuilder lines = new StringBuilder();
    for (int n = 0; n < 1000; n++) {
      lines.append("{\"n\": ").append(n).append("}\n");
    }
    fixture.put(S3MapFixture.DATA, "in/many.jsonl", lines.toString());
    DescribeExecutionResponse ended =
        fixture.run(
            machine(EXPORT)
                .replace(
                    "\"ItemsPath\": \"$.items\",",
                    """
                    "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
                      "ReaderConfig": {"InputType": "JSONL"},
                      "Parameters": {"Bucket": "data", "Key": "in/many.jsonl"}},
                    """),
            "{}");
    assertThat(ended.status()).as(ended.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
    DescribeMapRunResponse mapRun = fixture.mapRun(ended.executionArn());
    assertThat(mapRun.itemCounts().total()).isEqualTo(1000);
    assertThat(mapRun.itemCounts().succeeded()).isEqualTo(1000);
    assertThat(mapRun.executionCounts().succeeded()).isEqualTo(1000);
    JsonNode results =
        fixture.readJson(
            S3MapFixture.RESULTS, manifest(ended).at("/ResultFiles/SUCCEEDED/0/Key").asText());
    assertThat(results).hasSize(1000);
    assertThat(results.get(999).get("Output").asText()).isEqualTo("{\"done\":999}");
  }

  private JsonNode manifest(DescribeExecutionResponse ended) {
    JsonNode details = json(ended.output()).get("ResultWriterDetails");
    return fixture.readJson(details.get("Bucket").asText(), details.get("Key").asText());
  }

  private static JsonNode json(String text) {
    try {
      return AwsJson.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
