package io.computecase.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.Generate;
import io.computecase.operator.testing.OperatorTestStack;
import io.computecase.testing.TestingStepFunctions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Restarting the operator never starts a second execution, and the case still completes. */
class RestartTest {
  private OperatorTestStack stack;

  @BeforeEach
  void start() {
    stack = new OperatorTestStack();
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  private static ComputeCaseSpec spec() {
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setGenerate(new Generate(5));
    return spec;
  }

  @Test
  void aRestartedOperatorAdoptsTheRunningExecutionAndRecordsItsEnd() {
    stack.startOperator();
    stack.create("restarted", spec());
    ComputeCase running = stack.awaitCase("restarted", c -> c.getStatus().getStartTime() != null);
    String arn = running.getStatus().getExecutionArn();

    stack.stopOperator();
    stack.startOperator();
    TestingStepFunctions.Execution execution = stack.executionOf(running).orElseThrow();
    stack.sfn.startMapRun(execution, 5).succeeded = 5;
    stack.sfn.finish(
        execution, "SUCCEEDED", "{\"durationMs\":{\"min\":1,\"p50\":1,\"p95\":1,\"max\":1}}");

    ComputeCase done = stack.awaitCase("restarted", OperatorTestStack.phase("Succeeded"));
    assertThat(done.getStatus().getExecutionArn()).isEqualTo(arn);
    assertThat(done.getStatus().getSummary().getSucceeded()).isEqualTo(5);
    assertThat(stack.sfn.executions()).hasSize(1);
    assertThat(stack.sfn.startExecutionCalls.get()).isEqualTo(1);
  }

  @Test
  void anExecutionStartedBeforeTheStatusWasWrittenIsFoundByItsNameNotStartedAgain() {
    ComputeCase created = stack.create("crashed-mid-start", spec());
    stack.startOperator();
    stack.awaitCase("crashed-mid-start", c -> c.getStatus().getStartTime() != null);
    stack.stopOperator();
    // Simulate the crash window: a previous operator named and started the execution, then died
    // before observing it. The status keeps the name, the startTime is unknown.
    ComputeCase seen = stack.get("crashed-mid-start");
    String arn = seen.getStatus().getExecutionArn();
    assertThat(arn).endsWith("cc-" + created.getMetadata().getUid());
    seen.getStatus().setStartTime(null);
    seen.getMetadata().setResourceVersion(null);
    stack.client.resource(seen).patchStatus();
    int startsBefore = stack.sfn.startExecutionCalls.get();

    stack.startOperator();

    ComputeCase observed =
        stack.awaitCase("crashed-mid-start", c -> c.getStatus().getStartTime() != null);
    assertThat(observed.getStatus().getExecutionArn()).isEqualTo(arn);
    assertThat(stack.sfn.executions()).hasSize(1);
    assertThat(stack.sfn.startExecutionCalls.get()).isEqualTo(startsBefore);
  }
}
