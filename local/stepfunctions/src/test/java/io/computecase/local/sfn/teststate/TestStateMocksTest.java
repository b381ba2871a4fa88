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
import software.amazon.awssdk.services.sfn.model.MockInput;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;

/**
 * A mock stands in for the invocation of a Task, Parallel or Map: its result, or its error, goes
 * through the state's pipeline, Retry and Catch, and the service is not called. With a mock,
 * TestState also runs what it cannot run for real (activities, .waitForTaskToken, Parallel, Map),
 * and needs no role.
 */
class TestStateMocksTest {
  private static final String WAITING =
      """
      {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
       "Parameters": {"QueueUrl": "http://sqs/000000000000/work",
                      "MessageBody": {"token.$": "$$.Task.Token"}},
       "End": true}
      """;

  private final EngineFixture fixture = new EngineFixture();
  private final SfnClient sfn = TestStateClient.of(fixture);

  @AfterEach
  void close() {
    sfn.close();
    fixture.close();
  }

  private TestStateResponse mocked(String definition, String input, MockInput mock) {
    return sfn.testState(
        b ->
            b.definition(definition)
                .input(input)
                .mock(mock)
                .inspectionLevel(InspectionLevel.DEBUG));
  }

  private static MockInput result(String json) {
    return MockInput.builder().result(json).build();
  }

  private static JsonNode json(String text) throws Exception {
    return AwsJson.MAPPER.readTree(text);
  }

  @Test
  void aMockedResultGoesThroughTheTasksPipelineAndTheServiceIsNotCalled() throws Exception {
    TestStateResponse response =
        mocked(
            """
            {"Type": "Task", "Resource": "arn:aws:states:::events:putEvents",
             "Parameters": {"Entries": [{"Source": "s", "DetailType": "d", "Detail.$": "$"}]},
             "ResultSelector": {"failed.$": "$.FailedEntryCount"},
             "ResultPath": "$.put", "Next": "After"}
            """,
            "{\"id\":1}",
            result("{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"e-1\"}]}"));
    assertThat(response.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(response.nextState()).isEqualTo("After");
    assertThat(json(response.output())).isEqualTo(json("{\"id\":1,\"put\":{\"failed\":0}}"));
    assertThat(fixture.bus.entries()).isEmpty();
    InspectionData data = response.inspectionData();
    assertThat(json(data.afterParameters()).at("/Entries/0/Detail")).isEqualTo(json("{\"id\":1}"));
    assertThat(json(data.result()).at("/Entries/0/EventId").asText()).isEqualTo("e-1");
  }

  @Test
  void aTaskWaitingForItsTokenRunsWithAMockAsIfTheWorkerHadAnswered() {
    TestStateResponse response = mocked(WAITING, "{}", result("{\"answer\":42}"));
    assertThat(response.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(response.output()).isEqualTo("{\"answer\":42}");
    assertThat(fixture.queue.sent()).isEmpty();
  }

  @Test
  void aMockedTaskWaitingForItsTokenIsGivenAFreshTokenGuess() throws Exception {
    TestStateResponse made = mocked(WAITING, "{}", result("{}"));
    assertThat(json(made.inspectionData().afterParameters()).at("/MessageBody/token").asText())
        .isNotBlank();
    // A given context object without a Task member is given the token too.
    TestStateResponse given =
        sfn.testState(
            b ->
                b.definition(WAITING)
                    .mock(result("{}"))
                    .context("{\"Execution\":{\"Name\":\"n\"}}")
                    .inspectionLevel(InspectionLevel.DEBUG));
    assertThat(json(given.inspectionData().afterParameters()).at("/MessageBody/token").asText())
        .isNotBlank();
  }

  @Test
  void anActivityTaskRunsWithAMock() {
    TestStateResponse response =
        mocked(
            """
            {"Type": "Task", "Resource": "arn:aws:states:us-east-1:000000000000:activity:review",
             "Next": "Publish"}
            """,
            "{}",
            result("\"approved\""));
    assertThat(response.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(response.output()).isEqualTo("\"approved\"");
    assertThat(response.nextState()).isEqualTo("Publish");
  }

  @Test
  void aParallelStateRunsWithAMockedArrayOfBranchOutputs() throws Exception {
    TestStateResponse response =
        mocked(
            """
            {"Type": "Parallel", "ResultPath": "$.branches", "Next": "Join",
             "Branches": [
               {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
               {"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}]}
            """,
            "{\"in\":1}",
            result("[{\"a\":1},{\"b\":2}]"));
    assertThat(response.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(response.nextState()).isEqualTo("Join");
    assertThat(json(response.output()))
        .isEqualTo(json("{\"in\":1,\"branches\":[{\"a\":1},{\"b\":2}]}"));
  }

  @Test
  void aMapStateRunsWithAMockedArrayOfIterationOutputs() throws Exception {
    TestStateResponse response =
        mocked(
            """
            {"Type": "Map", "ItemsPath": "$.items", "ResultSelector": {"count.$": "States.ArrayLength($)"},
             "End": true,
             "ItemProcessor": {"StartAt": "Each", "States": {"Each": {"Type": "Pass", "End": true}}}}
            """,
            "{\"items\":[1,2,3]}",
            result("[10,20,30]"));
    assertThat(response.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(json(response.output())).isEqualTo(json("{\"count\":3}"));
    assertThat(response.inspectionData().result()).isEqualTo("[10,20,30]");
  }

  @Test
  void aMockedErrorIsCaughtByTheStatesCatch() throws Exception {
    TestStateResponse response =
        mocked(
            """
            {"Type": "Task", "Resource": "arn:aws:states:::events:putEvents",
             "Parameters": {"Entries": []}, "End": true,
             "Catch": [{"ErrorEquals": ["Other"], "Next": "Never"},
                       {"ErrorEquals": ["EventBridge.ThrottlingException"],
                        "ResultPath": "$.error", "Next": "Recover"}]}
            """,
            "{\"id\":1}",
            MockInput.builder()
                .errorOutput(e -> e.error("EventBridge.ThrottlingException").cause("slow down"))
                .build());
    assertThat(response.status()).isEqualTo(TestExecutionStatus.CAUGHT_ERROR);
    assertThat(response.nextState()).isEqualTo("Recover");
    assertThat(json(response.output()))
        .isEqualTo(
            json(
                "{\"id\":1,\"error\":{\"Error\":\"EventBridge.ThrottlingException\","
                    + "\"Cause\":\"slow down\"}}"));
    assertThat(response.inspectionData().errorDetails().catchIndex()).isEqualTo(1);
    assertThat(response.inspectionData().errorDetails().retryIndex()).isNull();
  }

  @Test
  void aMockedErrorNothingHandlesFailsTheState() {
    TestStateResponse response =
        mocked(
            "{\"Type\":\"Parallel\",\"End\":true,\"Branches\":[{\"StartAt\":\"A\","
                + "\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}]}",
            "{}",
            MockInput.builder().errorOutput(e -> e.error("Branch.Failed")).build());
    assertThat(response.status()).isEqualTo(TestExecutionStatus.FAILED);
    assertThat(response.error()).isEqualTo("Branch.Failed");
    assertThat(response.cause()).isNull();
  }

  @Test
  void aGivenContextObjectIsTheOneTheStateReads() throws Exception {
    TestStateResponse response =
        sfn.testState(
            b ->
                b.definition(
                        """
                        {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
                         "Parameters": {"QueueUrl": "q", "MessageBody.$": "$$.Execution.Name",
                                        "Retry.$": "$$.State.RetryCount"},
                         "End": true}
                        """)
                    .mock(result("{}"))
                    .context("{\"Execution\":{\"Name\":\"nightly\"},\"State\":{\"RetryCount\":2}}")
                    .inspectionLevel(InspectionLevel.DEBUG));
    assertThat(json(response.inspectionData().afterParameters()))
        .isEqualTo(json("{\"QueueUrl\":\"q\",\"MessageBody\":\"nightly\",\"Retry\":2}"));
  }

  @Test
  void aJsonataParallelTellsItsArgumentsWithAMock() throws Exception {
    TestStateResponse response =
        mocked(
            """
            {"Type": "Parallel", "QueryLanguage": "JSONata",
             "Arguments": {"doubled": "{% $states.input.n * 2 %}"},
             "Output": "{% $count($states.result) %}", "End": true,
             "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}]}
            """,
            "{\"n\":4}", result("[1,2]"));
    assertThat(response.output()).isEqualTo("2");
    assertThat(json(response.inspectionData().afterArguments())).isEqualTo(json("{\"doubled\":8}"));
  }
}
