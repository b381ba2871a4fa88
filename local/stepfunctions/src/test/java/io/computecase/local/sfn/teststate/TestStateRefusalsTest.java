package io.computecase.local.sfn.teststate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.computecase.local.sfn.support.EngineFixture;
import io.computecase.local.sfn.support.TestStateClient;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.TestStateRequest;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/**
 * The requests TestState refuses, each with the error AWS's API reference lists for it
 * (InvalidDefinition, InvalidExecutionInput, InvalidArn, ValidationException) and HTTP 400, before
 * anything runs.
 */
class TestStateRefusalsTest {
  private static final String PASS = "{\"Type\":\"Pass\",\"End\":true}";

  private final EngineFixture fixture = new EngineFixture();
  private final SfnClient sfn = TestStateClient.of(fixture);

  @AfterEach
  void close() {
    sfn.close();
    fixture.close();
  }

  private <T extends SfnException> T refused(
      Class<T> type, Consumer<TestStateRequest.Builder> request) {
    T e =
        catchThrowableOfType(
            () ->
                sfn.testState(
                    b -> {
                      b.roleArn(EngineFixture.ROLE).definition(PASS);
                      request.accept(b);
                    }),
            type);
    assertThat(e).as("refused with " + type.getSimpleName()).isNotNull();
    assertThat(e.statusCode()).isEqualTo(400);
    return e;
  }

  @Test
  void aDefinitionThatIsNotJsonIsAnInvalidDefinition() {
    var e = refused(InvalidDefinitionException.class, b -> b.definition("{\"Type\": \"Pass\""));
    assertThat(e.awsErrorDetails().errorMessage())
        .startsWith("Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION");
  }

  @Test
  void anUnknownStateTypeIsAnInvalidDefinition() {
    var e =
        refused(
            InvalidDefinitionException.class,
            b -> b.definition("{\"Type\":\"Sleep\",\"Seconds\":1,\"End\":true}"));
    assertThat(e.awsErrorDetails().errorMessage())
        .contains("SCHEMA_VALIDATION_FAILED")
        .contains("at /Type");
  }

  @Test
  void aStateWithAMalformedFieldIsAnInvalidDefinition() {
    var e =
        refused(
            InvalidDefinitionException.class,
            b -> b.definition("{\"Type\":\"Pass\",\"InputPath\":\"not a path\",\"End\":true}"));
    assertThat(e.awsErrorDetails().errorMessage()).contains("/InputPath");
  }

  @Test
  void aWholeMachineWithoutStateNameIsAnInvalidDefinitionGuess() {
    refused(
        InvalidDefinitionException.class,
        b ->
            b.definition(
                "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}"));
  }

  @Test
  void anInputThatIsNotJsonIsAnInvalidExecutionInput() {
    var e = refused(InvalidExecutionInputException.class, b -> b.input("{\"a\":"));
    assertThat(e.awsErrorDetails().errorMessage())
        .startsWith("Invalid State Machine Execution Input:");
  }

  @Test
  void anInspectionLevelOutsideItsValuesIsAValidationException() {
    var e = refused(ValidationException.class, b -> b.inspectionLevel("VERBOSE"));
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo(
            "1 validation error detected: Value 'VERBOSE' at 'inspectionLevel' failed to satisfy"
                + " constraint: Member must satisfy enum value set: [INFO, DEBUG, TRACE]");
  }

  @Test
  void aRoleArnThatIsNotARoleIsAnInvalidArn() {
    var e = refused(InvalidArnException.class, b -> b.roleArn("not-an-arn"));
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid Arn: 'not-an-arn'");
  }

  @Test
  void aRetrierRetryCountBelowZeroIsAValidationException() {
    refused(ValidationException.class, b -> b.stateConfiguration(c -> c.retrierRetryCount(-1)));
  }

  @Test
  void noRoleArnWithoutAMockIsAValidationExceptionGuess() {
    refused(ValidationException.class, b -> b.roleArn(null));
  }

  @Test
  void aContextWithoutAMockIsAValidationExceptionGuess() {
    refused(ValidationException.class, b -> b.context("{\"Execution\":{}}"));
  }

  @Test
  void aMockForAStateWithoutAnInvocationIsAValidationExceptionGuess() {
    var e = refused(ValidationException.class, b -> b.mock(m -> m.result("{}")));
    assertThat(e.awsErrorDetails().errorMessage()).contains("Task, Map, or Parallel");
  }

  @Test
  void aMapWithoutAMockIsAValidationExceptionGuess() {
    refused(
        ValidationException.class,
        b ->
            b.definition(
                "{\"Type\":\"Map\",\"End\":true,\"ItemProcessor\":{\"StartAt\":\"E\","
                    + "\"States\":{\"E\":{\"Type\":\"Pass\",\"End\":true}}}}"));
  }

  @Test
  void aParallelWithoutAMockIsAValidationExceptionGuess() {
    refused(
        ValidationException.class,
        b ->
            b.definition(
                "{\"Type\":\"Parallel\",\"End\":true,\"Branches\":[{\"StartAt\":\"E\","
                    + "\"States\":{\"E\":{\"Type\":\"Pass\",\"End\":true}}}]}"));
  }

  @Test
  void aTaskWaitingForItsTokenWithoutAMockIsAValidationExceptionGuess() {
    refused(
        ValidationException.class,
        b ->
            b.definition(
                "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sqs:sendMessage"
                    + ".waitForTaskToken\",\"Parameters\":{\"QueueUrl\":\"q\",\"MessageBody.$\":"
                    + "\"$$.Task.Token\"},\"End\":true}"));
    assertThat(fixture.queue.sent()).as("nothing ran").isEmpty();
  }

  @Test
  void anActivityWithoutAMockIsAValidationExceptionGuess() {
    refused(
        ValidationException.class,
        b ->
            b.definition(
                "{\"Type\":\"Task\",\"Resource\":"
                    + "\"arn:aws:states:us-east-1:000000000000:activity:review\",\"End\":true}"));
  }

  @Test
  void aMockWithBothAResultAndAnErrorIsAValidationExceptionGuess() {
    refused(
        ValidationException.class,
        b ->
            b.definition(
                    "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sqs:sendMessage\","
                        + "\"End\":true}")
                .mock(m -> m.result("{}").errorOutput(e -> e.error("E"))));
  }

  @Test
  void aMockedErrorWithoutItsErrorIsAValidationException() {
    refused(
        ValidationException.class,
        b ->
            b.definition(
                    "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sqs:sendMessage\","
                        + "\"End\":true}")
                .mock(m -> m.errorOutput(e -> e.cause("why"))));
  }

  @Test
  void aMockedResultThatIsNotJsonIsAValidationExceptionGuess() {
    refused(
        ValidationException.class,
        b ->
            b.definition(
                    "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sqs:sendMessage\","
                        + "\"End\":true}")
                .mock(m -> m.result("{not json")));
  }

  @Test
  void variablesThatAreNotAJsonObjectAreAnInvalidExecutionInputGuess() {
    refused(InvalidExecutionInputException.class, b -> b.variables("[1,2]"));
  }

  @Test
  void aStateNameNotInTheMachineIsAValidationExceptionGuess() {
    refused(
        ValidationException.class,
        b ->
            b.definition("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}")
                .stateName("Q"));
  }
}
