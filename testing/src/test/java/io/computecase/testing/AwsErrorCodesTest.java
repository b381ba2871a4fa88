package io.computecase.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SfnException;

/** Every AWS error code the fake claims to answer, read by the AWS SDK over HTTP. */
class AwsErrorCodesTest {
  private static final TestingStepFunctions STATES = new TestingStepFunctions();
  private static SfnClient sfn;

  @BeforeAll
  static void start() {
    sfn =
        SfnClient.builder()
            .endpointOverride(STATES.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
            .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
            .build();
  }

  @AfterAll
  static void stop() {
    sfn.close();
    STATES.close();
  }

  private static String codeOf(ThrowingCallable call) {
    SfnException e = catchThrowableOfType(SfnException.class, call);
    assertThat(e).as("an SfnException").isNotNull();
    return e.awsErrorDetails().errorCode();
  }

  @Test
  void aClosedTokenAnswersTaskTimedOut() {
    String token = STATES.issueToken();
    sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}"));

    assertThat(codeOf(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}"))))
        .isEqualTo("TaskTimedOut");
    assertThat(codeOf(() -> sfn.sendTaskHeartbeat(b -> b.taskToken(token))))
        .isEqualTo("TaskTimedOut");
    assertThat(STATES.acceptedFor(token)).hasSize(1);
  }

  @Test
  void aHeartbeatKeepsTheTokenOpen() {
    String token = STATES.issueToken();
    sfn.sendTaskHeartbeat(b -> b.taskToken(token));
    sfn.sendTaskHeartbeat(b -> b.taskToken(token));
    sfn.sendTaskFailure(b -> b.taskToken(token).error("E").cause("c"));

    assertThat(STATES.heartbeats(token)).isEqualTo(2);
    assertThat(STATES.accepted("SendTaskFailure")).extracting(a -> a.token()).contains(token);
  }

  @Test
  void aTokenNeverIssuedAnswersTaskDoesNotExistAndATokenOfNoShapeInvalidToken() {
    String unknown = STATES.issueToken() + "-other";

    assertThat(codeOf(() -> sfn.sendTaskSuccess(b -> b.taskToken(unknown).output("{}"))))
        .isEqualTo("TaskDoesNotExist");
    assertThat(codeOf(() -> sfn.sendTaskSuccess(b -> b.taskToken("garbage").output("{}"))))
        .isEqualTo("InvalidToken");
  }

  @Test
  void aRefusedTokenAnswersTheCodeTheTestChose() {
    String token = STATES.issueToken();
    STATES.refuse(token, "TaskTimedOut");

    assertThat(codeOf(() -> sfn.sendTaskHeartbeat(b -> b.taskToken(token))))
        .isEqualTo("TaskTimedOut");
    assertThat(STATES.answers()).filteredOn(a -> a.token().equals(token)).hasSize(1);
  }

  @Test
  void answersOverAwsLimitsAreRefused() {
    String token = STATES.issueToken();

    assertThat(
            codeOf(
                () ->
                    sfn.sendTaskSuccess(
                        b -> b.taskToken(token).output("\"" + "x".repeat(262_144) + "\""))))
        .isEqualTo("InvalidOutput");
    assertThat(codeOf(() -> sfn.sendTaskFailure(b -> b.taskToken(token).error("E".repeat(257)))))
        .isEqualTo("ValidationException");
    assertThat(STATES.acceptedFor(token)).isEmpty();
  }

  @Test
  void stateMachinesAnswerDoesNotExistAndAlreadyExists() {
    STATES.createStateMachine("twice");

    assertThat(
            codeOf(
                () ->
                    sfn.createStateMachine(
                        b ->
                            b.name("twice")
                                .definition("{}")
                                .roleArn("arn:aws:iam::000000000000:role/r"))))
        .isEqualTo("StateMachineAlreadyExists");
    assertThat(
            codeOf(
                () ->
                    sfn.startExecution(
                        b -> b.stateMachineArn(TestingStepFunctions.PREFIX + "stateMachine:none"))))
        .isEqualTo("StateMachineDoesNotExist");
  }

  @Test
  void aNameTakenWithAnotherInputAnswersExecutionAlreadyExists() {
    String machine = STATES.createStateMachine("idempotent");
    String first =
        sfn.startExecution(b -> b.stateMachineArn(machine).name("n").input("{\"a\":1}"))
            .executionArn();

    String again =
        sfn.startExecution(b -> b.stateMachineArn(machine).name("n").input("{\"a\":1}"))
            .executionArn();
    assertThat(again).isEqualTo(first);
    assertThat(
            codeOf(() -> sfn.startExecution(b -> b.stateMachineArn(machine).name("n").input("{}"))))
        .isEqualTo("ExecutionAlreadyExists");
    assertThat(STATES.executionsOf(machine)).hasSize(1);
  }

  @Test
  void executionsAnswerDoesNotExistAndNotRedrivable() {
    String machine = STATES.createStateMachine("redrive");
    String arn = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();

    assertThat(codeOf(() -> sfn.redriveExecution(b -> b.executionArn(arn))))
        .isEqualTo("ExecutionNotRedrivable");
    assertThat(codeOf(() -> sfn.describeExecution(b -> b.executionArn(arn + "-none"))))
        .isEqualTo("ExecutionDoesNotExist");
    assertThat(
            codeOf(() -> sfn.describeMapRun(b -> b.mapRunArn(arn.replace("execution", "mapRun")))))
        .isEqualTo("ResourceNotFound");
  }

  @Test
  void aDeniedStartAnswersAccessDenied() {
    String machine = STATES.createStateMachine("denied");
    STATES.denyStartExecution = true;
    try {
      assertThat(codeOf(() -> sfn.startExecution(b -> b.stateMachineArn(machine))))
          .isEqualTo("AccessDeniedException");
    } finally {
      STATES.denyStartExecution = false;
    }
  }

  @Test
  void injectedFaultsComeFirstThenTheCallIsServed() {
    String token = STATES.issueToken();
    STATES.failNext(2, "ThrottlingException", 400);

    // the SDK's standard retries ride over both
    sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}"));

    assertThat(STATES.acceptedFor(token)).hasSize(1);
  }
}
