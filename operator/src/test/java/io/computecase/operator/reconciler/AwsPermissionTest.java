package io.computecase.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.Generate;
import io.computecase.operator.testing.OperatorTestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A permission AWS refuses shows as a condition naming the action; granting it recovers. */
class AwsPermissionTest {
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

  @Test
  void aDeniedStartExecutionIsShownAndRetriedUntilAllowed() {
    stack.sfn.denyStartExecution = true;
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setGenerate(new Generate(2));
    stack.create("denied", spec);

    ComputeCase blocked =
        stack.awaitCase(
            "denied",
            c ->
                c.getStatus().getConditions().stream()
                    .anyMatch(k -> "AwsPermissionDenied".equals(k.getReason())));
    assertThat(CaseLifecycleTest.condition(blocked, "Running").getMessage())
        .contains("states:StartExecution");
    assertThat(blocked.getStatus().getStartTime()).isNull();
    assertThat(stack.executionOf(blocked)).isEmpty();

    stack.sfn.denyStartExecution = false;

    ComputeCase running = stack.awaitCase("denied", c -> c.getStatus().getStartTime() != null);
    assertThat(running.getStatus().getPhase()).isEqualTo("Running");
    assertThat(stack.executionOf(running)).isPresent();
  }
}
