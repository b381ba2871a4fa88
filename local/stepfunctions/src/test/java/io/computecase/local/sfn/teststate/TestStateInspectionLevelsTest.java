package io.computecase.local.sfn.teststate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.support.EngineFixture;
import io.computecase.local.sfn.support.TestStateClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InspectionData;
import software.amazon.awssdk.services.sfn.model.InspectionLevel;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;

/**
 * What each inspection level tells: INFO the outcome; DEBUG also every stage of the input and
 * output processing that ran (the JSONPath ones, or a JSONata state's Arguments) and the variables;
 * TRACE also an HTTP Task's request and response.
 */
class TestStateInspectionLevelsTest {
  private static final String TASK =
      """
      {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
       "InputPath": "$.order",
       "Parameters": {"QueueUrl": "http://sqs/000000000000/work", "MessageBody.$": "$.id"},
       "ResultSelector": {"sent.$": "$.MessageId"},
       "ResultPath": "$.receipt",
       "OutputPath": "$.receipt",
       "Assign": {"lastId.$": "$.sent"},
       "Next": "Done"}
      """;
  private static final String INPUT = "{\"order\":{\"id\":\"o-1\"},\"other\":true}";

  private final EngineFixture fixture = new EngineFixture();
  private final SfnClient sfn = TestStateClient.of(fixture);

  @AfterEach
  void close() {
    sfn.close();
    fixture.close();
  }

  private TestStateResponse test(String definition, String input, InspectionLevel level) {
    return sfn.testState(
        b ->
            b.definition(definition)
                .roleArn(EngineFixture.ROLE)
                .input(input)
                .inspectionLevel(level));
  }

  private static JsonNode json(String text) throws Exception {
    return AwsJson.MAPPER.readTree(text);
  }

  @Test
  void debugTellsEachStageOfAJsonPathTask() throws Exception {
    TestStateResponse response = test(TASK, INPUT, InspectionLevel.DEBUG);
    assertThat(response.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    InspectionData data = response.inspectionData();
    String messageId = json(data.result()).path("MessageId").asText();
    assertThat(json(data.input())).isEqualTo(json(INPUT));
    assertThat(json(data.afterInputPath())).isEqualTo(json("{\"id\":\"o-1\"}"));
    assertThat(json(data.afterParameters()))
        .isEqualTo(json("{\"QueueUrl\":\"http://sqs/000000000000/work\",\"MessageBody\":\"o-1\"}"));
    assertThat(json(data.result()).has("MD5OfMessageBody")).isTrue();
    assertThat(json(data.afterResultSelector()))
        .isEqualTo(AwsJson.MAPPER.createObjectNode().put("sent", messageId));
    assertThat(json(data.afterResultPath()).path("receipt").path("sent").asText())
        .isEqualTo(messageId);
    assertThat(json(data.afterResultPath()).path("other").asBoolean()).isTrue();
    assertThat(json(data.variables()).path("lastId").asText()).isEqualTo(messageId);
    assertThat(data.afterArguments()).isNull();
    assertThat(data.request()).isNull();
    assertThat(data.response()).isNull();
    assertThat(json(response.output()).path("sent").asText()).isEqualTo(messageId);
  }

  @Test
  void debugTellsTheStagesOfAPassStateEvenWhereItHasNoFieldGuess() throws Exception {
    // Without Parameters or ResultSelector, those stages pass their value on unchanged.
    InspectionData data =
        test("{\"Type\":\"Pass\",\"Next\":\"N\"}", "{\"a\":1}", InspectionLevel.DEBUG)
            .inspectionData();
    JsonNode input = json("{\"a\":1}");
    assertThat(json(data.afterInputPath())).isEqualTo(input);
    assertThat(json(data.afterParameters())).isEqualTo(input);
    assertThat(json(data.result())).isEqualTo(input);
    assertThat(json(data.afterResultSelector())).isEqualTo(input);
    assertThat(json(data.afterResultPath())).isEqualTo(input);
    assertThat(data.variables()).isNull();
  }

  @Test
  void debugTellsOnlyTheStagesThatRanBeforeAFailure() throws Exception {
    TestStateResponse response =
        test(
            """
            {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
             "Parameters": {"QueueUrl": "http://sqs/000000000000/missing", "MessageBody": "x"},
             "End": true}
            """,
            "{}",
            InspectionLevel.DEBUG);
    assertThat(response.status()).isEqualTo(TestExecutionStatus.FAILED);
    assertThat(response.error()).isEqualTo("SQS.QueueDoesNotExist");
    InspectionData data = response.inspectionData();
    assertThat(data.afterInputPath()).isEqualTo("{}");
    assertThat(json(data.afterParameters()).path("MessageBody").asText()).isEqualTo("x");
    assertThat(data.result()).isNull();
    assertThat(data.afterResultSelector()).isNull();
    assertThat(data.afterResultPath()).isNull();
  }

  @Test
  void infoTellsTheOutcomeWithoutInspectionDataGuess() {
    TestStateResponse response = test(TASK, INPUT, InspectionLevel.INFO);
    assertThat(response.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(response.nextState()).isEqualTo("Done");
    assertThat(response.output()).contains("sent");
    assertThat(response.inspectionData()).isNull();
  }

  @Test
  void withoutALevelTheLevelIsInfo() {
    TestStateResponse response =
        sfn.testState(b -> b.definition(TASK).roleArn(EngineFixture.ROLE).input(INPUT));
    assertThat(response.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(response.inspectionData()).isNull();
  }

  @Test
  void traceOfAServiceTaskTellsWhatDebugTellsGuess() throws Exception {
    // TRACE adds the HTTP request and response of an HTTP Task; a service integration has none.
    InspectionData trace = test(TASK, INPUT, InspectionLevel.TRACE).inspectionData();
    assertThat(json(trace.afterParameters()).path("MessageBody").asText()).isEqualTo("o-1");
    assertThat(trace.afterResultSelector()).contains("sent");
    assertThat(trace.request()).isNull();
    assertThat(trace.response()).isNull();
  }

  @Test
  void aJsonataStateTellsItsArgumentsAndNoneOfThePaths() throws Exception {
    TestStateResponse response =
        test(
            """
            {"Type": "Task", "QueryLanguage": "JSONata",
             "Resource": "arn:aws:states:::sqs:sendMessage",
             "Arguments": {"QueueUrl": "http://sqs/000000000000/work",
                           "MessageBody": "{% $states.input.order.id %}"},
             "Output": "{% $states.result.MessageId %}",
             "End": true}
            """,
            INPUT, InspectionLevel.DEBUG);
    InspectionData data = response.inspectionData();
    assertThat(json(data.input())).isEqualTo(json(INPUT));
    assertThat(json(data.afterArguments()).path("MessageBody").asText()).isEqualTo("o-1");
    assertThat(json(data.result()).has("MessageId")).isTrue();
    assertThat(data.afterInputPath()).isNull();
    assertThat(data.afterParameters()).isNull();
    assertThat(data.afterResultSelector()).isNull();
    assertThat(data.afterResultPath()).isNull();
    assertThat(json(response.output()).asText())
        .isEqualTo(json(data.result()).path("MessageId").asText());
  }

  @Test
  void variablesAreThoseGivenAndThoseTheStateAssigned() throws Exception {
    TestStateResponse response =
        sfn.testState(
            b ->
                b.definition(
                        "{\"Type\":\"Pass\",\"Assign\":{\"total.$\":\"States.MathAdd($x, 1)\"},"
                            + "\"End\":true}")
                    .roleArn(EngineFixture.ROLE)
                    .variables("{\"x\":41,\"kept\":\"yes\"}")
                    .inspectionLevel(InspectionLevel.DEBUG));
    assertThat(json(response.inspectionData().variables()))
        .isEqualTo(json("{\"kept\":\"yes\",\"total\":42,\"x\":41}"));
  }
}
