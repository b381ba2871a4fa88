package io.computecase.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.Generate;
import io.computecase.operator.testing.OperatorTestStack;
import io.computecase.testing.TestingStepFunctions;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Deleting a running ComputeCase stops its execution; a finished one is simply removed. */
class DeletionTest {
  private static OperatorTestStack stack;

  @BeforeAll
  static void start() {
    stack = new OperatorTestStack();
    stack.startOperator();
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  private static ComputeCaseSpec spec() {
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setGenerate(new Generate(3));
    return spec;
  }

  @Test
  void deletingARunningCaseStopsItsExecution() {
    stack.create("doomed", spec());
    ComputeCase running = stack.awaitCase("doomed", c -> c.getStatus().getStartTime() != null);
    assertThat(running.getMetadata().getFinalizers()).isNotEmpty();
    TestingStepFunctions.Execution execution = stack.executionOf(running).orElseThrow();

    stack.client.resource(running).delete();

    await().atMost(Duration.ofSeconds(20)).until(() -> stack.get("doomed") == null);
    assertThat(execution.status).isEqualTo("ABORTED");
    assertThat(execution.error).isEqualTo("ComputeCaseDeleted");
    assertThat(stack.sfn.stopExecutionCalls).contains(execution.arn);
  }

  @Test
  void deletingAFinishedCaseStopsNothing() {
    stack.create("finished", spec());
    ComputeCase running = stack.awaitCase("finished", c -> c.getStatus().getStartTime() != null);
    TestingStepFunctions.Execution execution = stack.executionOf(running).orElseThrow();
    stack.sfn.finish(execution, "SUCCEEDED", "{}");
    ComputeCase done = stack.awaitCase("finished", OperatorTestStack.phase("Succeeded"));

    stack.client.resource(done).delete();

    await().atMost(Duration.ofSeconds(20)).until(() -> stack.get("finished") == null);
    assertThat(stack.sfn.stopExecutionCalls).doesNotContain(execution.arn);
  }
}
