package io.computecase.operator.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.Generate;
import io.computecase.api.v1alpha1.ItemRetry;
import io.computecase.operator.testing.OperatorTestStack;
import io.computecase.operator.testing.TestingWorker;
import io.computecase.operator.testing.TestingWorker.Answer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/**
 * Item retry, heartbeats and a tolerated failure count, run by asl/computecase.asl.json on the
 * local Step Functions engine, as a user reads them from the case's status.
 */
class ItemRecoveryTest {
  private OperatorTestStack stack;
  private TestingWorker worker;

  @BeforeEach
  void start() {
    stack = new OperatorTestStack();
    stack.useLocalEngines();
    stack.startOperator();
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  @Test
  void anItemThatFailsTwiceThenSucceedsIsCountedOnceAsSucceeded() {
    worker =
        stack.startWorker(
            (caseId, delivery) ->
                caseId.equals("1") && delivery < 3
                    ? new Answer.Fail("ComputeError", "attempt " + delivery + " failed")
                    : new Answer.Succeed(caseId.equals("1") ? 500 : 10));
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setGenerate(new Generate(3));
    spec.setRetry(new ItemRetry(3, 1, 1.0));
    stack.create("retried", spec);

    ComputeCase done = awaitFinished("retried");

    assertThat(done.getStatus().getPhase())
        .as(done.getStatus().getMessage())
        .isEqualTo("Succeeded");
    var summary = done.getStatus().getSummary();
    assertThat(summary.getTotal()).isEqualTo(3);
    assertThat(summary.getSucceeded()).isEqualTo(3);
    assertThat(summary.getFailed()).isZero();
    assertThat(summary.getFailures()).isEmpty();
    assertThat(summary.getDurationMs().getMax()).isEqualTo(500.0);
    assertThat(worker.deliveries("1")).isEqualTo(3);
    assertThat(worker.deliveries("0")).isEqualTo(1);
    // a first-time success walks the item processor as before the retry loop existed
    assertThat(statesEntered(done, "0")).containsExactly("DispatchItem");
    assertThat(statesEntered(done, "1"))
        .containsExactly(
            "DispatchItem",
            "RetryOrFailItem",
            "WaitBeforeRetry",
            "DispatchItem",
            "RetryOrFailItem",
            "WaitBeforeRetry",
            "DispatchItem");
  }

  @Test
  void anItemOutOfAttemptsShowsItsLastErrorOnStatus() {
    worker =
        stack.startWorker(
            (caseId, delivery) ->
                caseId.equals("2")
                    ? new Answer.Fail("ComputeError", "attempt " + delivery + " failed")
                    : new Answer.Succeed(10));
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setGenerate(new Generate(3));
    spec.setRetry(new ItemRetry(2, 0, 2.0));
    stack.create("exhausted", spec);

    ComputeCase done = awaitFinished("exhausted");

    assertThat(done.getStatus().getPhase()).isEqualTo("Failed");
    assertThat(done.getStatus().getSummary().getFailures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.getCaseId()).isEqualTo("2");
              assertThat(f.getError()).isEqualTo("ComputeError");
              assertThat(f.getCause()).isEqualTo("attempt 2 failed");
            });
    assertThat(worker.deliveries("2")).isEqualTo(2);
  }

  @Test
  void aSilentWorkerFailsTheItemWithAHeartbeatTimeout() {
    worker =
        stack.startWorker(
            (caseId, delivery) ->
                caseId.equals("0") ? new Answer.Silent() : new Answer.Succeed(10));
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setGenerate(new Generate(2));
    spec.setHeartbeatSeconds(1);
    spec.setItemTimeoutSeconds(120);
    spec.setToleratedFailurePercentage(50.0);
    stack.create("silent", spec);

    ComputeCase done = awaitFinished("silent");

    assertThat(done.getStatus().getPhase()).isEqualTo("Succeeded");
    assertThat(done.getStatus().getSummary().getFailures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.getCaseId()).isEqualTo("0");
              assertThat(f.getError()).isEqualTo("States.HeartbeatTimeout");
            });
    // the worker is told the interval it must heartbeat at
    assertThat(worker.lastDetail("1").path("heartbeatSeconds").asInt()).isEqualTo(1);
    assertThat(worker.deliveries("0")).isEqualTo(1);
  }

  @Test
  void heartbeatsKeepAnItemAliveLongerThanItsHeartbeatInterval() {
    worker = stack.startWorker((caseId, delivery) -> new Answer.HeartbeatThenSucceed(7, 500, 3000));
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setGenerate(new Generate(2));
    // 2 s between heartbeats at most; the worker beats every 0.5 s for 3 s
    spec.setHeartbeatSeconds(2);
    spec.setItemTimeoutSeconds(60);
    stack.create("alive", spec);

    ComputeCase done = awaitFinished("alive");

    assertThat(done.getStatus().getPhase())
        .as(
            () ->
                done.getStatus().getSummary().getFailures().stream()
                    .map(f -> f.getCaseId() + ": " + f.getError() + " " + f.getCause())
                    .toList()
                    .toString())
        .isEqualTo("Succeeded");
    assertThat(done.getStatus().getSummary().getSucceeded()).isEqualTo(2);
    assertThat(worker.deliveries("0")).isEqualTo(1);
  }

  @Test
  void aToleratedFailureCountLetsACaseWithThatManyFailuresSucceed() {
    worker =
        stack.startWorker(
            (caseId, delivery) ->
                caseId.equals("1") || caseId.equals("3")
                    ? new Answer.Fail("ComputeError", "case " + caseId)
                    : new Answer.Succeed(10));
    ComputeCaseSpec tolerant = new ComputeCaseSpec();
    tolerant.setGenerate(new Generate(5));
    tolerant.setToleratedFailureCount(2);
    stack.create("two-tolerated", tolerant);
    ComputeCaseSpec strict = new ComputeCaseSpec();
    strict.setGenerate(new Generate(5));
    strict.setToleratedFailureCount(1);
    stack.create("one-tolerated", strict);

    ComputeCase succeeded = awaitFinished("two-tolerated");
    ComputeCase failed = awaitFinished("one-tolerated");

    assertThat(succeeded.getStatus().getPhase())
        .as(succeeded.getStatus().getMessage())
        .isEqualTo("Succeeded");
    assertThat(succeeded.getStatus().getSummary().getFailed()).isEqualTo(2);
    assertThat(succeeded.getStatus().getSummary().getSucceeded()).isEqualTo(3);
    assertThat(failed.getStatus().getPhase()).isEqualTo("Failed");
  }

  /** The states the item's child execution entered, in order, from its history. */
  private List<String> statesEntered(ComputeCase cc, String caseId) {
    try (SfnClient sfn = stack.sfnClient()) {
      String mapRun = cc.getStatus().getMapRunArn();
      for (ExecutionListItem child : sfn.listExecutions(r -> r.mapRunArn(mapRun)).executions()) {
        String input = sfn.describeExecution(r -> r.executionArn(child.executionArn())).input();
        if (input.contains("\"caseId\":\"" + caseId + "\"")) {
          return sfn
              .getExecutionHistory(r -> r.executionArn(child.executionArn()))
              .events()
              .stream()
              .filter(e -> e.stateEnteredEventDetails() != null)
              .map(e -> e.stateEnteredEventDetails().name())
              .toList();
        }
      }
    }
    throw new AssertionError("no child execution for caseId " + caseId);
  }

  private ComputeCase awaitFinished(String name) {
    return stack.awaitCase(name, cc -> cc.getStatus().getCompletionTime() != null);
  }
}
