package io.computecase.local.sfn.teststate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.support.EngineFixture;
import io.computecase.local.sfn.support.TestStateClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InspectionLevel;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;

/**
 * A failing state is tried once: RETRIABLE when a Retry would try it again (which one, after how
 * long), CAUGHT_ERROR when a Catch handles the error (its output and Next), FAILED otherwise.
 * stateConfiguration.retrierRetryCount says how many retries have happened already.
 */
class TestStateErrorHandlingTest {
  /** Sends to a queue that does not exist: fails with SQS.QueueDoesNotExist. */
  private static final String FAILING =
      """
      {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
       "Parameters": {"QueueUrl": "http://sqs/000000000000/missing", "MessageBody": "x"},
       "Retry": [{"ErrorEquals": ["States.Timeout"], "MaxAttempts": 5},
                 {"ErrorEquals": ["SQS.QueueDoesNotExist"], "IntervalSeconds": 2,
                  "BackoffRate": 3, "MaxAttempts": 2}],
       "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.failure",
                  "Next": "Alert"}],
       "Next": "Done"}
      """;

  private final EngineFixture fixture = new EngineFixture();
  private final SfnClient sfn = TestStateClient.of(fixture);

  @AfterEach
  void close() {
    sfn.close();
    fixture.close();
  }

  private TestStateResponse test(String definition, Integer retriesSoFar) {
    return sfn.testState(
        b -> {
          b.definition(definition)
              .roleArn(EngineFixture.ROLE)
              .input("{\"id\":1}")
              .inspectionLevel(InspectionLevel.DEBUG);
          if (retriesSoFar != null) {
            b.stateConfiguration(c -> c.retrierRetryCount(retriesSoFar));
          }
        });
  }

  /** FAILING with its service mocked to fail as the real one does. */
  private TestStateResponse mocked(int retriesSoFar) {
    return sfn.testState(
        b ->
            b.definition(FAILING)
                .input("{\"id\":1}")
                .mock(m -> m.errorOutput(e -> e.error("SQS.QueueDoesNotExist").cause("mocked")))
                .stateConfiguration(c -> c.retrierRetryCount(retriesSoFar))
                .inspectionLevel(InspectionLevel.DEBUG));
  }

  private static JsonNode json(String text) throws Exception {
    return AwsJson.MAPPER.readTree(text);
  }

  @Test
  void aFailureARetryMatchesIsRetriableAndTheServiceIsCalledOnce() {
    TestStateResponse response = test(FAILING, null);
    assertThat(response.status()).isEqualTo(TestExecutionStatus.RETRIABLE);
    assertThat(response.error()).isEqualTo("SQS.QueueDoesNotExist");
    assertThat(response.cause()).contains("The specified queue does not exist.");
    assertThat(response.output()).isNull();
    assertThat(response.nextState()).isNull();
    assertThat(response.inspectionData().errorDetails().retryIndex()).isEqualTo(1);
    assertThat(response.inspectionData().errorDetails().retryBackoffIntervalSeconds()).isEqualTo(2);
    assertThat(response.inspectionData().errorDetails().catchIndex()).isNull();
  }

  @Test
  void theBackoffGrowsWithTheRetriesAlreadyMade() {
    TestStateResponse response = mocked(1);
    assertThat(response.status()).isEqualTo(TestExecutionStatus.RETRIABLE);
    assertThat(response.inspectionData().errorDetails().retryIndex()).isEqualTo(1);
    assertThat(response.inspectionData().errorDetails().retryBackoffIntervalSeconds()).isEqualTo(6);
  }

  @Test
  void onceTheRetriesAreSpentTheCatchHandlesTheError() throws Exception {
    TestStateResponse response = mocked(2);
    assertThat(response.status()).isEqualTo(TestExecutionStatus.CAUGHT_ERROR);
    assertThat(response.nextState()).isEqualTo("Alert");
    JsonNode output = json(response.output());
    assertThat(output.path("id").asInt()).isEqualTo(1);
    assertThat(output.at("/failure/Error").asText()).isEqualTo("SQS.QueueDoesNotExist");
    assertThat(output.at("/failure/Cause").asText()).isEqualTo("mocked");
    assertThat(response.inspectionData().errorDetails().catchIndex()).isZero();
    assertThat(response.inspectionData().errorDetails().retryIndex()).isNull();
  }

  @Test
  void theRetriesAlreadyMadeCountForARealErrorTooGuess() {
    TestStateResponse response = test(FAILING, 2);
    assertThat(response.status()).isEqualTo(TestExecutionStatus.CAUGHT_ERROR);
    assertThat(response.nextState()).isEqualTo("Alert");
  }

  @Test
  void theRetriesAlreadyMadeAreTheContextObjectsRetryCountGuess() throws Exception {
    TestStateResponse response =
        test(
            """
            {"Type": "Pass", "Parameters": {"retries.$": "$$.State.RetryCount"}, "End": true}
            """,
            3);
    assertThat(json(response.output())).isEqualTo(json("{\"retries\":3}"));
  }

  @Test
  void aCaughtErrorIsStillNamedInTheAnswerAndItsPlacementIsNotAStageGuess() {
    TestStateResponse response = mocked(2);
    assertThat(response.error()).isEqualTo("SQS.QueueDoesNotExist");
    assertThat(response.cause()).isEqualTo("mocked");
    assertThat(response.inspectionData().afterResultPath()).isNull();
  }

  @Test
  void anErrorNothingHandlesFailsTheState() {
    TestStateResponse response =
        test(
            """
            {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
             "Parameters": {"QueueUrl": "http://sqs/000000000000/missing", "MessageBody": "x"},
             "Retry": [{"ErrorEquals": ["States.Timeout"]}],
             "Catch": [{"ErrorEquals": ["States.Timeout"], "Next": "Alert"}],
             "End": true}
            """,
            null);
    assertThat(response.status()).isEqualTo(TestExecutionStatus.FAILED);
    assertThat(response.error()).isEqualTo("SQS.QueueDoesNotExist");
    assertThat(response.inspectionData().errorDetails()).isNull();
  }

  @Test
  void aRuntimeErrorIsNeitherRetriedNorCaught() {
    TestStateResponse response =
        test(
            """
            {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
             "Parameters": {"MessageBody": "no queue url"},
             "Retry": [{"ErrorEquals": ["States.ALL"]}],
             "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Alert"}],
             "End": true}
            """,
            null);
    assertThat(response.status()).isEqualTo(TestExecutionStatus.FAILED);
    assertThat(response.error()).isEqualTo("States.Runtime");
  }

  @Test
  void aFractionalBackoffIsRoundedToWholeSecondsGuess() {
    TestStateResponse response =
        test(
            """
            {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
             "Parameters": {"QueueUrl": "http://sqs/000000000000/missing", "MessageBody": "x"},
             "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 3,
                        "BackoffRate": 1.5, "MaxAttempts": 5}],
             "End": true}
            """,
            1);
    // 3 * 1.5 = 4.5 seconds before the second retry
    assertThat(response.inspectionData().errorDetails().retryBackoffIntervalSeconds()).isEqualTo(5);
  }

  @Test
  void theBackoffIsToldBeforeJitterGuess() {
    TestStateResponse response =
        test(
            """
            {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
             "Parameters": {"QueueUrl": "http://sqs/000000000000/missing", "MessageBody": "x"},
             "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 8,
                        "MaxDelaySeconds": 10, "JitterStrategy": "FULL", "MaxAttempts": 5}],
             "End": true}
            """,
            2);
    // 8 * 2 * 2 = 32, capped at MaxDelaySeconds
    assertThat(response.inspectionData().errorDetails().retryBackoffIntervalSeconds())
        .isEqualTo(10);
  }

  @Test
  void anExpressionErrorNamesTheStateUnderTestGuess() {
    TestStateResponse response =
        test(
            "{\"Type\":\"Pass\",\"Parameters\":{\"x.$\":\"States.StringToJson($.id)\"},"
                + "\"End\":true}",
            null);
    assertThat(response.status()).isEqualTo(TestExecutionStatus.FAILED);
    assertThat(response.cause())
        .startsWith(
            "An error occurred while executing the state 'TestState' (entered at the event"
                + " id #2).");
  }
}
