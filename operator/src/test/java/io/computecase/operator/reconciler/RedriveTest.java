package io.computecase.operator.reconciler;

import static io.computecase.operator.testing.OperatorTestStack.phase;
import static org.assertj.core.api.Assertions.assertThat;

import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.Generate;
import io.computecase.operator.testing.OperatorTestStack;
import io.computecase.testing.TestingStepFunctions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The computecase.io/redrive annotation re-runs a finished case's failed items. */
class RedriveTest {
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

  private static ComputeCase finished(String name, String status) {
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setGenerate(new Generate(4));
    stack.create(name, spec);
    ComputeCase running = stack.awaitCase(name, c -> c.getStatus().getStartTime() != null);
    TestingStepFunctions.Execution execution = stack.executionOf(running).orElseThrow();
    TestingStepFunctions.MapRun run = stack.sfn.startMapRun(execution, 4);
    run.succeeded = status.equals("FAILED") ? 3 : 4;
    run.failed = status.equals("FAILED") ? 1 : 0;
    execution.error = status.equals("FAILED") ? "States.ExceedToleratedFailureThreshold" : null;
    stack.sfn.finish(execution, status, status.equals("FAILED") ? null : "{}");
    return stack.awaitCase(name, phase(status.equals("FAILED") ? "Failed" : "Succeeded"));
  }

  private static void annotate(String name, String value) {
    stack
        .client
        .resources(ComputeCase.class)
        .inNamespace(OperatorTestStack.NAMESPACE)
        .withName(name)
        .edit(
            c -> {
              c.getMetadata().getAnnotations().put(ComputeCaseReconciler.REDRIVE_ANNOTATION, value);
              return c;
            });
  }

  @Test
  void redrivesAFailedCaseAndKeepsTheAttemptHistory() {
    ComputeCase failed = finished("flaky", "FAILED");
    TestingStepFunctions.Execution execution = stack.executionOf(failed).orElseThrow();

    annotate("flaky", "2026-11-29T00:00:00Z");

    ComputeCase rerunning = stack.awaitCase("flaky", phase("Running"));
    assertThat(stack.sfn.redriveExecutionCalls).containsExactly(execution.arn);
    assertThat(rerunning.getStatus().getAttempts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getAttempt()).isEqualTo(1);
              assertThat(a.getPhase()).isEqualTo("Failed");
              assertThat(a.getFailed()).isEqualTo(1);
            });
    assertThat(CaseLifecycleTest.condition(rerunning, "Failed").getStatus()).isEqualTo("False");
    assertThat(rerunning.getStatus().getExecutionArn()).isEqualTo(execution.arn);

    execution.mapRun.succeeded = 4;
    execution.mapRun.failed = 0;
    stack.sfn.finish(execution, "SUCCEEDED", "{}");

    ComputeCase done = stack.awaitCase("flaky", phase("Succeeded"));
    assertThat(done.getStatus().getSummary().getSucceeded()).isEqualTo(4);
    assertThat(done.getStatus().getAttempts()).hasSize(1);
    assertThat(stack.sfn.executions()).filteredOn(e -> e.arn.equals(execution.arn)).hasSize(1);
  }

  @Test
  void aSucceededExecutionCannotBeRedrivenAndTheStatusSaysWhy() {
    finished("complete", "SUCCEEDED");

    annotate("complete", "again");

    ComputeCase refused =
        stack.awaitCase("complete", c -> "again".equals(c.getStatus().getRedriveRequest()));
    assertThat(refused.getStatus().getPhase()).isEqualTo("Succeeded");
    assertThat(refused.getStatus().getMessage())
        .contains("Redrive refused")
        .contains("create a new ComputeCase");
  }
}
