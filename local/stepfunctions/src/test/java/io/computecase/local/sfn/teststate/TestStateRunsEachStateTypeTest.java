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
 * TestState runs each state type it serves without a mock (Task, Pass, Wait, Choice, Succeed, Fail)
 * through the engine's own steps, and answers its status, output and next state.
 */
class TestStateRunsEachStateTypeTest {
  private final EngineFixture fixture = new EngineFixture();
  private final SfnClient sfn = TestStateClient.of(fixture);

  @AfterEach
  void close() {
    sfn.close();
    fixture.close();
  }

  private TestStateResponse test(String definition, String input) {
    return sfn.testState(
        b ->
            b.definition(definition)
                .roleArn(EngineFixture.ROLE)
                .input(input)
                .inspectionLevel(InspectionLevel.DEBUG));
  }

  private static JsonNode json(String text) throws Exception {
    return AwsJson.MAPPER.readTree(text);
  }

  @Test
  void passAppliesItsPipelineAndNamesTheNextState() throws Exception {
    TestStateResponse response =
        test(
            """
            {"Type": "Pass", "InputPath": "$.order", "Parameters": {"id.$": "$.id"},
             "ResultPath": "$.copy", "OutputPath": "$.copy", "Next": "Ship"}
            """,
            "{\"order\":{\"id\":7}}");
    assertThat(response.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(response.nextState()).isEqualTo("Ship");
    assertThat(json(response.output())).isEqualTo(json("{\"id\":7}"));
    assertThat(response.error()).isNull();
    assertThat(response.cause()).isNull();
  }

  @Test
  void taskCallsEventBridgeThroughTheEnginesIntegration() throws Exception {
    TestStateResponse response =
        test(
            """
            {"Type": "Task", "Resource": "arn:aws:states:::events:putEvents",
             "Parameters": {"Entries": [{"Source": "orders", "DetailType": "placed",
                                         "Detail": {"id.$": "$.id"}}]},
             "ResultSelector": {"failed.$": "$.FailedEntryCount"},
             "ResultPath": "$.put", "End": true}
            """,
            "{\"id\":7}");
    assertThat(response.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(response.nextState()).isNull();
    assertThat(json(response.output())).isEqualTo(json("{\"id\":7,\"put\":{\"failed\":0}}"));
    assertThat(fixture.bus.details("placed")).containsExactly(json("{\"id\":7}"));
    assertThat(json(response.inspectionData().result()).path("Entries").get(0).has("EventId"))
        .isTrue();
  }

  @Test
  void taskSendsAnSqsMessageThroughTheEnginesIntegration() throws Exception {
    TestStateResponse response =
        test(
            """
            {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
             "Parameters": {"QueueUrl": "http://sqs/000000000000/work", "MessageBody.$": "$"},
             "Next": "Done"}
            """,
            "{\"item\":1}");
    assertThat(response.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(response.nextState()).isEqualTo("Done");
    assertThat(json(response.output()).has("MessageId")).isTrue();
    assertThat(fixture.queue.sent()).hasSize(1);
    assertThat(fixture.queue.sent().get(0).path("MessageBody").asText()).isEqualTo("{\"item\":1}");
  }

  @Test
  void choiceNamesTheNextOfTheRuleThatMatched() {
    String choice =
        """
        {"Type": "Choice",
         "Choices": [{"Variable": "$.size", "NumericGreaterThan": 10, "Next": "Large"}],
         "Default": "Small"}
        """;
    assertThat(test(choice, "{\"size\":11}").nextState()).isEqualTo("Large");
    TestStateResponse small = test(choice, "{\"size\":3}");
    assertThat(small.nextState()).isEqualTo("Small");
    assertThat(small.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(small.output()).isEqualTo("{\"size\":3}");
  }

  @Test
  void choiceWithoutAMatchFails() {
    TestStateResponse response =
        test(
            """
            {"Type": "Choice",
             "Choices": [{"Variable": "$.size", "NumericGreaterThan": 10, "Next": "Large"}]}
            """,
            "{\"size\":1}");
    assertThat(response.status()).isEqualTo(TestExecutionStatus.FAILED);
    assertThat(response.error()).isEqualTo("States.NoChoiceMatched");
    assertThat(response.nextState()).isNull();
    assertThat(response.output()).isNull();
  }

  @Test
  void waitNamesItsNextStateWithoutWaitingGuess() {
    // The engine's clock is a testing clock that nobody moves: a wait would never end.
    TestStateResponse response =
        test("{\"Type\":\"Wait\",\"Seconds\":3600,\"Next\":\"Later\"}", "{\"a\":1}");
    assertThat(response.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(response.nextState()).isEqualTo("Later");
    assertThat(response.output()).isEqualTo("{\"a\":1}");
  }

  @Test
  void waitWhoseSecondsPathIsNotANumberFails() {
    TestStateResponse response =
        test(
            "{\"Type\":\"Wait\",\"SecondsPath\":\"$.delay\",\"Next\":\"Later\"}",
            "{\"delay\":\"soon\"}");
    assertThat(response.status()).isEqualTo(TestExecutionStatus.FAILED);
    assertThat(response.error()).isEqualTo("States.Runtime");
    assertThat(response.nextState()).isNull();
  }

  @Test
  void succeedEndsWithItsFilteredInput() {
    TestStateResponse response =
        test("{\"Type\":\"Succeed\",\"OutputPath\":\"$.keep\"}", "{\"keep\":[1],\"drop\":2}");
    assertThat(response.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(response.output()).isEqualTo("[1]");
    assertThat(response.nextState()).isNull();
  }

  @Test
  void failAnswersItsErrorAndCause() {
    TestStateResponse response =
        test(
            "{\"Type\":\"Fail\",\"Error\":\"Order.Rejected\",\"CausePath\":\"$.why\"}",
            "{\"why\":\"out of stock\"}");
    assertThat(response.status()).isEqualTo(TestExecutionStatus.FAILED);
    assertThat(response.error()).isEqualTo("Order.Rejected");
    assertThat(response.cause()).isEqualTo("out of stock");
    assertThat(response.output()).isNull();
    assertThat(response.nextState()).isNull();
  }

  @Test
  void jsonataTaskReceivesItsArgumentsAndAssignsVariables() throws Exception {
    TestStateResponse response =
        sfn.testState(
            b ->
                b.definition(
                        """
                        {"Type": "Task", "QueryLanguage": "JSONata",
                         "Resource": "arn:aws:states:::sqs:sendMessage",
                         "Arguments": {"QueueUrl": "http://sqs/000000000000/work",
                                       "MessageBody": "{% $string($states.input.n * $factor) %}"},
                         "Assign": {"sent": "{% $states.result.MessageId %}"},
                         "Output": {"n": "{% $states.input.n %}"},
                         "Next": "Done"}
                        """)
                    .roleArn(EngineFixture.ROLE)
                    .input("{\"n\":6}")
                    .variables("{\"factor\":7}")
                    .inspectionLevel(InspectionLevel.DEBUG));
    assertThat(response.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(response.output()).isEqualTo("{\"n\":6}");
    assertThat(fixture.queue.sent().get(0).path("MessageBody").asText()).isEqualTo("42");
    JsonNode variables = json(response.inspectionData().variables());
    assertThat(variables.path("factor").asInt()).isEqualTo(7);
    assertThat(variables.path("sent").asText())
        .isEqualTo(json(response.inspectionData().result()).path("MessageId").asText());
  }

  @Test
  void aStateOfAWholeMachineIsNamedByStateName() {
    TestStateResponse response =
        sfn.testState(
            b ->
                b.definition(
                        """
                        {"StartAt": "Fork", "States": {
                          "Fork": {"Type": "Parallel", "End": true, "Branches": [
                            {"StartAt": "Inner", "States": {
                              "Inner": {"Type": "Pass", "Result": "inner", "Next": "Last"},
                              "Last": {"Type": "Succeed"}}}]}}}
                        """)
                    .stateName("Inner")
                    .roleArn(EngineFixture.ROLE)
                    .input("{}"));
    assertThat(response.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(response.output()).isEqualTo("\"inner\"");
    assertThat(response.nextState()).isEqualTo("Last");
  }

  @Test
  void aStateOnItsOwnIsCalledTestStateInTheContextObjectGuess() throws Exception {
    TestStateResponse response =
        test(
            """
            {"Type": "Pass", "Parameters": {"state.$": "$$.State.Name",
                                            "machine.$": "$$.StateMachine.Name",
                                            "input.$": "$$.Execution.Input"},
             "End": true}
            """,
            "{\"a\":1}");
    assertThat(json(response.output()))
        .isEqualTo(
            json("{\"state\":\"TestState\",\"machine\":\"TestStateMachine\",\"input\":{\"a\":1}}"));
  }

  @Test
  void anAbsentInputIsAnEmptyObjectGuess() {
    TestStateResponse response =
        sfn.testState(
            b -> b.definition("{\"Type\":\"Pass\",\"End\":true}").roleArn(EngineFixture.ROLE));
    assertThat(response.output()).isEqualTo("{}");
  }

  @Test
  void anOutputOverTheQuotaFailsWithDataLimitExceeded() {
    String big = "x".repeat(200_000);
    TestStateResponse response =
        test(
            "{\"Type\":\"Pass\",\"Parameters\":{\"a.$\":\"$.s\",\"b.$\":\"$.s\"},\"End\":true}",
            "{\"s\":\"" + big + "\"}");
    assertThat(response.status()).isEqualTo(TestExecutionStatus.FAILED);
    assertThat(response.error()).isEqualTo("States.DataLimitExceeded");
  }
}
