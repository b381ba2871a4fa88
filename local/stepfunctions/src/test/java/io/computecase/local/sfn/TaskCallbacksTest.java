package io.computecase.local.sfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.computecase.local.sfn.support.EngineFixture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidOutputException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat against tasks waiting for tokens. */
class TaskCallbacksTest {
  private static final String WAITING =
      """
      {"StartAt": "T", "States": {"T": {"Type": "Task",
        "Resource": "arn:aws:states:::events:putEvents.waitForTaskToken", "HeartbeatSeconds": 10,
        "Parameters": {"Entries": [{"Source": "s", "DetailType": "d",
          "Detail": {"token.$": "$$.Task.Token", "n.$": "$.n"}}]}, "End": true}}}
      """;

  private final EngineFixture fixture = new EngineFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  private String startWaiting(int n) {
    String machine = fixture.createMachineFromText("waiting", WAITING);
    return fixture
        .sfn
        .startExecution(b -> b.stateMachineArn(machine).input("{\"n\":" + n + "}"))
        .executionArn();
  }

  private String awaitToken(int count) {
    await().atMost(Duration.ofSeconds(10)).until(() -> fixture.bus.details("d").size() >= count);
    return fixture.bus.details("d").get(count - 1).path("token").asText();
  }

  @Test
  void successEndsTheTaskWithTheOutputAndASecondAnswerIsTimedOut() {
    String arn = startWaiting(1);
    String token = awaitToken(1);
    assertThat(token).matches("[A-Za-z0-9_-]{32}");
    fixture.sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"done\":true}"));
    var ended = fixture.awaitEnd(arn);
    assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(ended.output()).isEqualTo("{\"done\":true}");
    var e =
        catchThrowableOfType(
            () -> fixture.sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")),
            TaskTimedOutException.class);
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("Task Timed Out: 'Provided task does not exist anymore'");
  }

  @Test
  void failureEndsTheExecutionWithTheWorkersErrorAndCause() {
    String arn = startWaiting(1);
    String token = awaitToken(1);
    fixture.sfn.sendTaskFailure(
        b -> b.taskToken(token).error("Worker.Crashed").cause("out of memory"));
    var ended = fixture.awaitEnd(arn);
    assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(ended.error()).isEqualTo("Worker.Crashed");
    assertThat(ended.cause()).isEqualTo("out of memory");
    HistoryEvent failed =
        fixture.sfn.getExecutionHistory(b -> b.executionArn(arn)).events().stream()
            .filter(ev -> ev.type() == HistoryEventType.TASK_FAILED)
            .findFirst()
            .orElseThrow();
    assertThat(failed.taskFailedEventDetails().error()).isEqualTo("Worker.Crashed");
    assertThat(failed.taskFailedEventDetails().resourceType()).isEqualTo("events");
    assertThat(failed.taskFailedEventDetails().resource()).isEqualTo("putEvents.waitForTaskToken");
  }

  @Test
  void malformedAndUnknownTokens() {
    var malformed =
        catchThrowableOfType(
            () -> fixture.sfn.sendTaskSuccess(b -> b.taskToken("not a token").output("{}")),
            InvalidTokenException.class);
    assertThat(malformed.awsErrorDetails().errorMessage())
        .isEqualTo("Invalid Token: 'Invalid token'");
    var unknown =
        catchThrowableOfType(
            () -> fixture.sfn.sendTaskHeartbeat(b -> b.taskToken("A".repeat(22) + "AAAAAAAAAQ")),
            TaskDoesNotExistException.class);
    assertThat(unknown.statusCode()).isEqualTo(400);
  }

  @Test
  void outputMustBeJson() {
    startWaiting(1);
    String token = awaitToken(1);
    var e =
        catchThrowableOfType(
            () -> fixture.sfn.sendTaskSuccess(b -> b.taskToken(token).output("not json")),
            InvalidOutputException.class);
    assertThat(e.awsErrorDetails().errorMessage()).startsWith("Invalid Output: '");
  }

  @Test
  void heartbeatsKeepATaskAliveUntilTheyStop() {
    String arn = startWaiting(1);
    String token = awaitToken(1);
    for (int i = 0; i < 3; i++) {
      fixture.clock.advance(Duration.ofSeconds(8));
      fixture.sfn.sendTaskHeartbeat(b -> b.taskToken(token));
    }
    assertThat(fixture.sfn.describeExecution(b -> b.executionArn(arn)).status())
        .isEqualTo(ExecutionStatus.RUNNING);
    fixture.clock.advance(Duration.ofSeconds(11));
    var ended = fixture.awaitEnd(arn);
    assertThat(ended.error()).isEqualTo("States.HeartbeatTimeout");
    assertThat(
            catchThrowableOfType(
                () -> fixture.sfn.sendTaskHeartbeat(b -> b.taskToken(token)),
                TaskTimedOutException.class))
        .isNotNull();
  }

  @Test
  void stoppingAnExecutionEndsItsWaitingTask() {
    String arn = startWaiting(1);
    String token = awaitToken(1);
    fixture.sfn.stopExecution(b -> b.executionArn(arn).error("Operator.Stop").cause("user asked"));
    var ended = fixture.sfn.describeExecution(b -> b.executionArn(arn));
    assertThat(ended.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(ended.error()).isEqualTo("Operator.Stop");
    assertThat(
            catchThrowableOfType(
                () -> fixture.sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")),
                TaskTimedOutException.class))
        .isNotNull();
    List<HistoryEventType> types =
        fixture.sfn.getExecutionHistory(b -> b.executionArn(arn)).events().stream()
            .map(HistoryEvent::type)
            .toList();
    assertThat(types).last().isEqualTo(HistoryEventType.EXECUTION_ABORTED);
  }

  @Test
  void manyConcurrentAnswersAreAllTaken() throws Exception {
    String machine = fixture.createMachineFromText("waiting", WAITING);
    int count = 100;
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      CompletableFuture.allOf(
              IntStream.range(0, count)
                  .mapToObj(
                      n ->
                          CompletableFuture.runAsync(
                              () ->
                                  fixture.sfn.startExecution(
                                      b -> b.stateMachineArn(machine).input("{\"n\":" + n + "}")),
                              pool))
                  .toArray(CompletableFuture<?>[]::new))
          .get();
      await().atMost(Duration.ofSeconds(20)).until(() -> fixture.bus.details("d").size() == count);
      CompletableFuture<?>[] answers =
          fixture.bus.details("d").stream()
              .map(
                  d ->
                      CompletableFuture.runAsync(
                          () ->
                              fixture.sfn.sendTaskSuccess(
                                  b ->
                                      b.taskToken(d.path("token").asText())
                                          .output(d.path("n").toString())),
                          pool))
              .toArray(CompletableFuture<?>[]::new);
      CompletableFuture.allOf(answers).get();
    } finally {
      pool.shutdownNow();
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                fixture
                        .sfn
                        .listExecutions(
                            b ->
                                b.stateMachineArn(machine)
                                    .statusFilter(ExecutionStatus.SUCCEEDED)
                                    .maxResults(1000))
                        .executions()
                        .size()
                    == count);
  }
}
