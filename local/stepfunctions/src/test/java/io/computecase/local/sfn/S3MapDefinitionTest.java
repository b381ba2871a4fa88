package io.computecase.local.sfn;

import static org.assertj.core.api.Assertions.assertThat;

import io.computecase.local.sfn.support.EngineFixture;
import io.computecase.local.sfn.support.S3MapFixture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionDiagnostic;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;

/**
 * ItemReader and ResultWriter are checked when the state machine is created (what cannot run is
 * refused with a diagnostic at its location), and an engine built without S3 fails such a Map at
 * run time, saying so.
 */
class S3MapDefinitionTest {
  private final EngineFixture fixture = new EngineFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  private static String map(String fields, String mode) {
    return """
        {"StartAt": "M", "States": {"M": {"Type": "Map", %s
          "ItemProcessor": {"ProcessorConfig": {"Mode": "%s"},
            "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
          "End": true}}}
        """
        .formatted(fields, mode);
  }

  private static String reader(String reader) {
    return map("\"ItemReader\": " + reader + ",", "DISTRIBUTED");
  }

  static Stream<Arguments> refused() {
    String ok =
        "{\"Resource\": \"arn:aws:states:::s3:getObject\", \"ReaderConfig\": {\"InputType\":"
            + " \"JSON\"}, \"Parameters\": {\"Bucket\": \"b\", \"Key\": \"k\"}}";
    return Stream.of(
        Arguments.of(
            "an unknown resource",
            reader(ok.replace("s3:getObject", "s3:headObject")),
            "/States/M/ItemReader/Resource"),
        Arguments.of(
            "an unknown InputType",
            reader(ok.replace("\"JSON\"", "\"XML\"")),
            "/States/M/ItemReader/ReaderConfig/InputType"),
        Arguments.of(
            "getObject without InputType",
            reader(ok.replace("\"ReaderConfig\": {\"InputType\": \"JSON\"},", "")),
            "/States/M/ItemReader/ReaderConfig/InputType"),
        Arguments.of(
            "no Bucket",
            reader(ok.replace("\"Bucket\": \"b\", ", "")),
            "/States/M/ItemReader/Bucket"),
        Arguments.of(
            "getObject without Key",
            reader(ok.replace(", \"Key\": \"k\"", "")),
            "/States/M/ItemReader/Key"),
        Arguments.of(
            "no Parameters",
            reader(ok.replace(", \"Parameters\": {\"Bucket\": \"b\", \"Key\": \"k\"}", "")),
            "/States/M/ItemReader/Parameters"),
        Arguments.of(
            "ItemReader with ItemsPath",
            map("\"ItemsPath\": \"$.items\", \"ItemReader\": " + ok + ",", "DISTRIBUTED"),
            "/States/M/ItemsPath"),
        Arguments.of(
            "ItemReader on an inline Map",
            map("\"ItemReader\": " + ok + ",", "INLINE"),
            "/States/M/ItemReader"),
        Arguments.of(
            "GIVEN without CSVHeaders",
            reader(ok.replace("\"JSON\"", "\"CSV\", \"CSVHeaderLocation\": \"GIVEN\"")),
            "/States/M/ItemReader/ReaderConfig/CSVHeaders"),
        Arguments.of(
            "an unknown CSVDelimiter",
            reader(ok.replace("\"JSON\"", "\"CSV\", \"CSVDelimiter\": \"COLON\"")),
            "/States/M/ItemReader/ReaderConfig/CSVDelimiter"),
        Arguments.of(
            "a CSV field for JSON",
            reader(ok.replace("\"JSON\"", "\"JSON\", \"CSVHeaderLocation\": \"FIRST_ROW\"")),
            "/States/M/ItemReader/ReaderConfig/CSVHeaderLocation"),
        Arguments.of(
            "listObjectsV2 with an InputType",
            reader(ok.replace("s3:getObject", "s3:listObjectsV2")),
            "/States/M/ItemReader/ReaderConfig/InputType"),
        Arguments.of(
            "PARQUET, which this engine does not read",
            reader(ok.replace("\"JSON\"", "\"PARQUET\"")),
            "/States/M/ItemReader/ReaderConfig/InputType"),
        Arguments.of(
            "a negative MaxItems",
            reader(ok.replace("\"JSON\"", "\"JSON\", \"MaxItems\": -1")),
            "/States/M/ItemReader/ReaderConfig/MaxItems"),
        Arguments.of(
            "an empty ResultWriter",
            map("\"ResultWriter\": {},", "DISTRIBUTED"),
            "/States/M/ResultWriter"),
        Arguments.of(
            "a ResultWriter resource other than putObject",
            map(
                "\"ResultWriter\": {\"Resource\": \"arn:aws:states:::s3:getObject\","
                    + " \"Parameters\": {\"Bucket\": \"b\"}},",
                "DISTRIBUTED"),
            "/States/M/ResultWriter/Resource"),
        Arguments.of(
            "a ResultWriter without Bucket",
            map(
                "\"ResultWriter\": {\"Resource\": \"arn:aws:states:::s3:putObject\","
                    + " \"Parameters\": {\"Prefix\": \"p\"}},",
                "DISTRIBUTED"),
            "/States/M/ResultWriter/Bucket"),
        Arguments.of(
            "an unknown Transformation",
            map(
                "\"ResultWriter\": {\"WriterConfig\": {\"Transformation\": \"SQUASH\"}},",
                "DISTRIBUTED"),
            "/States/M/ResultWriter/WriterConfig/Transformation"),
        Arguments.of(
            "a ResultWriter on an inline Map",
            map("\"ResultWriter\": {\"WriterConfig\": {\"Transformation\": \"NONE\"}},", "INLINE"),
            "/States/M/ResultWriter"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refusesWhatCannotRunWithADiagnosticAtItsLocation(
      String what, String definition, String location) {
    var result = fixture.sfn.validateStateMachineDefinition(b -> b.definition(definition));
    assertThat(result.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
    assertThat(result.diagnostics())
        .extracting(ValidateStateMachineDefinitionDiagnostic::location)
        .contains(location);
  }

  @Test
  void jsonataTakesArgumentsAndRefusesParameters() {
    String jsonata =
        """
        {"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map",
          "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
            "ReaderConfig": {"InputType": "JSONL", "MaxItems": "{% $states.input.max %}"},
            "FIELD": {"Bucket": "{% $states.input.bucket %}", "Key": "k"}},
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED"},
            "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
          "End": true}}}
        """;
    assertThat(
            fixture
                .sfn
                .validateStateMachineDefinition(
                    b -> b.definition(jsonata.replace("FIELD", "Arguments")))
                .result())
        .isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
    assertThat(
            fixture
                .sfn
                .validateStateMachineDefinition(
                    b -> b.definition(jsonata.replace("FIELD", "Parameters")))
                .diagnostics())
        .extracting(ValidateStateMachineDefinitionDiagnostic::location)
        .contains("/States/M/ItemReader/Parameters");
  }

  @Test
  void withoutS3AnItemReaderFailsSayingS3IsNotConfigured() {
    try (S3MapFixture withoutS3 = new S3MapFixture(false)) {
      DescribeExecutionResponse ended =
          withoutS3.run(
              reader(
                  "{\"Resource\": \"arn:aws:states:::s3:getObject\", \"ReaderConfig\":"
                      + " {\"InputType\": \"JSON\"}, \"Parameters\": {\"Bucket\": \"data\","
                      + " \"Key\": \"k.json\"}}"),
              "{}");
      assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(ended.error()).isEqualTo("States.ItemReaderFailed");
      assertThat(ended.cause())
          .isEqualTo(
              "Cannot read s3://data/k.json: S3 is not configured for this engine"
                  + " (LocalStepFunctions.Builder.s3 was not given an S3Client)");
    }
  }

  @Test
  void withoutS3AResultWriterFailsSayingS3IsNotConfigured() {
    try (S3MapFixture withoutS3 = new S3MapFixture(false)) {
      DescribeExecutionResponse ended =
          withoutS3.run(
              map(
                  "\"ItemsPath\": \"$.items\", \"ResultWriter\": {\"Resource\":"
                      + " \"arn:aws:states:::s3:putObject\", \"Parameters\": {\"Bucket\":"
                      + " \"results\", \"Prefix\": \"p\"}},",
                  "DISTRIBUTED"),
              "{\"items\": [1]}");
      assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(ended.error()).isEqualTo("States.ResultWriterFailed");
      assertThat(ended.cause())
          .startsWith("Cannot write s3://results/p/")
          .endsWith(
              ": S3 is not configured for this engine (LocalStepFunctions.Builder.s3 was not"
                  + " given an S3Client)");
    }
  }
}
