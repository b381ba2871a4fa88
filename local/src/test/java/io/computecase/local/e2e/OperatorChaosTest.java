package io.computecase.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseStatus;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator restarted five times during a 1,000-item case: one execution, every item counted
 * once.
 */
class OperatorChaosTest {
  private static StackFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new StackFixture(2, 25);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void fiveRestartsDuringAThousandItemCase() {
    // 1,000 items of 1 s at a total concurrency of 50 run for at least 20 s: room for five
    // restarts,
    // each taken once the status shows the case has moved on since the last one.
    Resource<ComputeCase> cc =
        fixture.apply("chaos", StackFixture.generated(1000, StackFixture.parameters(1000)));
    await().atMost(Duration.ofMinutes(1)).until(() -> "Running".equals(StackFixture.phase(cc)));
    String executionArn = StackFixture.status(cc).getExecutionArn();

    for (int restart = 1; restart <= 5; restart++) {
      long threshold = restart * 100L;
      await().atMost(Duration.ofMinutes(2)).until(() -> succeeded(cc) >= threshold);
      assertThat(StackFixture.phase(cc))
          .as("still running before restart %d", restart)
          .isEqualTo("Running");
      fixture.stack.restartOperator();
    }

    await().atMost(Duration.ofMinutes(5)).until(() -> "Succeeded".equals(StackFixture.phase(cc)));
    ComputeCaseStatus status = StackFixture.status(cc);
    assertThat(status.getExecutionArn()).isEqualTo(executionArn);
    assertThat(status.getProgress().getDone()).isEqualTo("1000/1000");
    assertThat(status.getSummary().getSucceeded()).isEqualTo(1000);
    assertThat(status.getSummary().getFailed()).isZero();
    String stateMachineArn =
        fixture.sfn.describeExecution(b -> b.executionArn(executionArn)).stateMachineArn();
    assertThat(fixture.sfn.listExecutions(b -> b.stateMachineArn(stateMachineArn)).executions())
        .hasSize(1);
  }

  private static long succeeded(Resource<ComputeCase> cc) {
    ComputeCaseStatus status = StackFixture.status(cc);
    return status.getProgress() == null ? 0 : status.getProgress().getSucceeded();
  }
}
