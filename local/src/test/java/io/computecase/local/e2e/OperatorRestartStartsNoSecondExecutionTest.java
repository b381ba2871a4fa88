package io.computecase.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.api.v1alpha1.ComputeCase;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Restarting the operator in the middle of a case starts no second execution. */
class OperatorRestartStartsNoSecondExecutionTest {
  private static StackFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new StackFixture(1, 20);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void caseCompletesWithExactlyOneExecution() {
    // 60 items of 300 ms at concurrency 20: the case runs for about a second, long enough to
    // restart in.
    Resource<ComputeCase> cc =
        fixture.apply("restarted", StackFixture.generated(60, StackFixture.parameters(300)));
    await().atMost(Duration.ofMinutes(1)).until(() -> "Running".equals(StackFixture.phase(cc)));
    String executionArn = StackFixture.status(cc).getExecutionArn();

    fixture.stack.restartOperator();

    await().atMost(Duration.ofMinutes(2)).until(() -> "Succeeded".equals(StackFixture.phase(cc)));
    assertThat(StackFixture.status(cc).getExecutionArn()).isEqualTo(executionArn);
    assertThat(StackFixture.status(cc).getSummary().getSucceeded()).isEqualTo(60);
    String stateMachineArn =
        fixture.sfn.describeExecution(b -> b.executionArn(executionArn)).stateMachineArn();
    assertThat(fixture.sfn.listExecutions(b -> b.stateMachineArn(stateMachineArn)).executions())
        .extracting(e -> e.executionArn())
        .containsExactly(executionArn);
  }
}
