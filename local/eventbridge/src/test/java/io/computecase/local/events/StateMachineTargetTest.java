package io.computecase.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.testing.TestingStepFunctions;
import io.computecase.testing.TestingStepFunctions.Execution;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/** A state machine target starts one execution per matched event, with the event as its input. */
class StateMachineTargetTest {
  private static final String ROLE = "arn:aws:iam::000000000000:role/events";
  private static final TestingStepFunctions STATES = new TestingStepFunctions();
  private static final String MACHINE = STATES.createStateMachine("follow-up");
  private static TestBed bed;

  @BeforeAll
  static void start() {
    bed = TestBed.start(b -> b.service("states", STATES), sqs -> sqs);
  }

  @AfterAll
  static void stop() {
    bed.close();
  }

  private static void putCompleted(String requestId) {
    bed.events.putEvents(
        b ->
            b.entries(
                PutEventsRequestEntry.builder()
                    .source("computecase.io")
                    .detailType("ComputeCaseCompleted")
                    .detail("{\"requestId\":\"" + requestId + "\",\"itemsSucceeded\":3}")
                    .build()));
  }

  @Test
  void aCompletedCaseStartsTheFollowUpStateMachineWithTheSelectedInput() throws Exception {
    bed.events.putRule(
        b ->
            b.name("follow-up")
                .eventPattern(
                    "{\"detail-type\":[\"ComputeCaseCompleted\"],\"detail\":{\"requestId\":[\"r-1\"]}}"));
    bed.events.putTargets(
        b ->
            b.rule("follow-up")
                .targets(t -> t.id("machine").arn(MACHINE).roleArn(ROLE).inputPath("$.detail")));

    putCompleted("r-1");

    await().atMost(Duration.ofSeconds(10)).until(() -> !STATES.executionsOf(MACHINE).isEmpty());
    Execution started = STATES.executionsOf(MACHINE).get(0);
    JsonNode input = AwsJson.MAPPER.readTree(started.input);
    assertThat(input.get("requestId").asText()).isEqualTo("r-1");
    assertThat(input.get("itemsSucceeded").asInt()).isEqualTo(3);
  }

  @Test
  void aStateMachineTargetNeedsARole() {
    bed.events.putRule(b -> b.name("no-role").eventPattern("{\"source\":[\"x\"]}"));

    EventBridgeException e =
        catchThrowableOfType(
            EventBridgeException.class,
            () ->
                bed.events.putTargets(b -> b.rule("no-role").targets(t -> t.id("m").arn(MACHINE))));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(e.awsErrorDetails().errorMessage()).contains("RoleArn");
  }

  @Test
  void aMissingStateMachineSendsTheEventToTheDeadLetterQueue() {
    String dlq = bed.createQueue("missing-machine-dlq");
    String missing = "arn:aws:states:us-east-1:000000000000:stateMachine:missing";
    bed.events.putRule(
        b -> b.name("missing-machine").eventPattern("{\"detail\":{\"requestId\":[\"r-2\"]}}"));
    bed.events.putTargets(
        b ->
            b.rule("missing-machine")
                .targets(
                    t ->
                        t.id("machine")
                            .arn(missing)
                            .roleArn(ROLE)
                            .deadLetterConfig(
                                d -> d.arn(TestBed.queueArn("missing-machine-dlq")))));

    putCompleted("r-2");

    Message dead = bed.receive(dlq, 1).get(0);
    assertThat(dead.messageAttributes().get("ERROR_CODE").stringValue()).isEqualTo("NO_RESOURCE");
    assertThat(dead.messageAttributes().get("TARGET_ARN").stringValue()).isEqualTo(missing);
    assertThat(dead.messageAttributes().get("ERROR_MESSAGE").stringValue())
        .contains("StateMachineDoesNotExist");
  }
}
