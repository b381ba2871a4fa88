package io.computecase.local.sfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsServiceException;
import io.computecase.local.sfn.support.EngineFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidExecutionInputException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineTypeNotSupportedException;

/** Every API error the engine claims, as the AWS SDK sees it: type, HTTP 400 and AWS's wording. */
class ApiErrorsTest {
  private static final String WAIT =
      "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":100,\"End\":true}}}";
  private static final String PASS =
      "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";

  private final EngineFixture fixture = new EngineFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void unknownStateMachine() {
    String arn = "arn:aws:states:us-east-1:000000000000:stateMachine:missing";
    var e =
        catchThrowableOfType(
            () -> fixture.sfn.startExecution(b -> b.stateMachineArn(arn)),
            StateMachineDoesNotExistException.class);
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("State Machine Does Not Exist: '" + arn + "'");
    assertThat(
            catchThrowableOfType(
                () -> fixture.sfn.describeStateMachine(b -> b.stateMachineArn(arn)),
                StateMachineDoesNotExistException.class))
        .isNotNull();
  }

  @Test
  void sameNameWithAnotherDefinitionAlreadyExists() {
    String first = fixture.createMachineFromText("m", PASS);
    assertThat(fixture.createMachineFromText("m", PASS)).as("idempotent create").isEqualTo(first);
    var e =
        catchThrowableOfType(
            () -> fixture.createMachineFromText("m", WAIT),
            StateMachineAlreadyExistsException.class);
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("State Machine Already Exists: '" + first + "'");
  }

  @Test
  void badDefinitionNamesTheProblemAndWhere() {
    String missingNext =
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"Nowhere\"},\"B\":{\"Type\":\"Succeed\"}}}";
    var e =
        catchThrowableOfType(
            () -> fixture.createMachineFromText("bad", missingNext),
            InvalidDefinitionException.class);
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorMessage())
        .startsWith("Invalid State Machine Definition: '")
        .contains("MISSING_TRANSITION_TARGET: Missing 'Next' target: Nowhere at /States/A/Next");
    var notJson =
        catchThrowableOfType(
            () -> fixture.createMachineFromText("bad", "{not json"),
            InvalidDefinitionException.class);
    assertThat(notJson.awsErrorDetails().errorMessage()).contains("INVALID_JSON_DESCRIPTION");
  }

  @Test
  void invalidNames() {
    var e =
        catchThrowableOfType(
            () -> fixture.createMachineFromText("has space", PASS), InvalidNameException.class);
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid Name: 'has space'");
    String machine = fixture.createMachineFromText("m", PASS);
    assertThat(
            catchThrowableOfType(
                () -> fixture.sfn.startExecution(b -> b.stateMachineArn(machine).name("a/b")),
                InvalidNameException.class))
        .isNotNull();
  }

  @Test
  void invalidArns() {
    var e =
        catchThrowableOfType(
            () -> fixture.sfn.describeExecution(b -> b.executionArn("not-an-arn")),
            InvalidArnException.class);
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid Arn: 'not-an-arn'");
    String machine = fixture.createMachineFromText("m", PASS);
    var wrongType =
        catchThrowableOfType(
            () -> fixture.sfn.describeExecution(b -> b.executionArn(machine)),
            InvalidArnException.class);
    assertThat(wrongType.awsErrorDetails().errorMessage())
        .isEqualTo("Invalid Arn: 'Resource type not valid in this context: stateMachine'");
  }

  @Test
  void executionInputMustBeJson() {
    String machine = fixture.createMachineFromText("m", PASS);
    var e =
        catchThrowableOfType(
            () -> fixture.sfn.startExecution(b -> b.stateMachineArn(machine).input("{oops")),
            InvalidExecutionInputException.class);
    assertThat(e.awsErrorDetails().errorMessage())
        .startsWith("Invalid State Machine Execution Input: '");
  }

  @Test
  void executionInputOverTheQuotaIsAValidationError() {
    String machine = fixture.createMachineFromText("m", PASS);
    String big = "{\"s\":\"" + "x".repeat(262_144) + "\"}";
    var e =
        catchThrowableOfType(
            () -> fixture.sfn.startExecution(b -> b.stateMachineArn(machine).input(big)),
            SfnException.class);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(e.awsErrorDetails().errorMessage()).contains("'input'").contains("262144");
  }

  @Test
  void startExecutionIsIdempotentForTheSameNameAndInputWhileOpen() {
    String machine = fixture.createMachineFromText("m", WAIT);
    String first =
        fixture
            .sfn
            .startExecution(b -> b.stateMachineArn(machine).name("once").input("{\"a\":1}"))
            .executionArn();
    String again =
        fixture
            .sfn
            .startExecution(b -> b.stateMachineArn(machine).name("once").input("{\"a\":1}"))
            .executionArn();
    assertThat(again).isEqualTo(first);
    var e =
        catchThrowableOfType(
            () ->
                fixture.sfn.startExecution(
                    b -> b.stateMachineArn(machine).name("once").input("{\"a\":2}")),
            ExecutionAlreadyExistsException.class);
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("Execution Already Exists: '" + first + "'");
    fixture.sfn.stopExecution(b -> b.executionArn(first));
    assertThat(
            catchThrowableOfType(
                () ->
                    fixture.sfn.startExecution(
                        b -> b.stateMachineArn(machine).name("once").input("{\"a\":1}")),
                ExecutionAlreadyExistsException.class))
        .as("closed executions are not reused")
        .isNotNull();
  }

  @Test
  void unknownExecution() {
    String arn = "arn:aws:states:us-east-1:000000000000:execution:m:nope";
    var e =
        catchThrowableOfType(
            () -> fixture.sfn.describeExecution(b -> b.executionArn(arn)),
            ExecutionDoesNotExistException.class);
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("Execution Does Not Exist: '" + arn + "'");
    assertThat(
            catchThrowableOfType(
                () -> fixture.sfn.getExecutionHistory(b -> b.executionArn(arn)),
                ExecutionDoesNotExistException.class))
        .isNotNull();
  }

  @Test
  void missingRequiredMemberIsAValidationErrorNamingIt() {
    var e =
        catchThrowableOfType(
            () -> fixture.sfn.createStateMachine(b -> b.name("m").definition(PASS)),
            SfnException.class);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(e.awsErrorDetails().errorMessage()).contains("'roleArn'");
  }

  @Test
  void syncExecutionNeedsAnExpressMachine() {
    String machine = fixture.createMachineFromText("m", PASS);
    var e =
        catchThrowableOfType(
            () ->
                fixture
                    .engine
                    .api()
                    .invoke(
                        "StartSyncExecution",
                        AwsJson.MAPPER.createObjectNode().put("stateMachineArn", machine)),
            AwsServiceException.class);
    assertThat(e.code())
        .isEqualTo(
            StateMachineTypeNotSupportedException.class.getSimpleName().replace("Exception", ""));
  }
}
