package io.computecase.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.Generate;
import io.computecase.api.v1alpha1.ItemRetry;
import io.computecase.operator.testing.OperatorTestStack;
import io.computecase.testing.TestingStepFunctions;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Once started, a case takes a new maxConcurrency (UpdateMapRun) and ttlSecondsAfterFinished; any
 * other change is refused and shown as a condition, and the execution goes on unchanged.
 */
class RunningCaseChangesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
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

  private static ComputeCaseSpec spec(int maxConcurrency) {
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setGenerate(new Generate(20));
    spec.setMaxConcurrency(maxConcurrency);
    spec.setParameters(JSON.createObjectNode().put("computeMs", 10));
    return spec;
  }

  @Test
  void aNewMaxConcurrencyChangesTheRunningMapRun() {
    stack.create("throttled", spec(5));
    ComputeCase running = stack.awaitCase("throttled", c -> c.getStatus().getStartTime() != null);
    TestingStepFunctions.Execution execution = stack.executionOf(running).orElseThrow();
    TestingStepFunctions.MapRun run = stack.sfn.startMapRun(execution, 20);
    run.running = 5;
    assertThat(run.maxConcurrency).isEqualTo(5);

    running.getSpec().setMaxConcurrency(15);
    stack.client.resource(running).update();

    await().atMost(Duration.ofSeconds(20)).until(() -> run.maxConcurrency == 15);
    ComputeCase after = stack.get("throttled");
    assertThat(after.getStatus().getConditions())
        .noneMatch(c -> c.getType().equals("SpecChangeRefused") && c.getStatus().equals("True"));
  }

  @Test
  void changingAFixedFieldIsRefusedWithAConditionAndTheExecutionKeepsItsInput() {
    stack.create("fixed", spec(0));
    ComputeCase running = stack.awaitCase("fixed", c -> c.getStatus().getStartTime() != null);
    TestingStepFunctions.Execution execution = stack.executionOf(running).orElseThrow();
    String input = execution.input;

    running.getSpec().setParameters(JSON.createObjectNode().put("computeMs", 99));
    stack.client.resource(running).update();

    ComputeCase refused =
        stack.awaitCase(
            "fixed",
            c ->
                c.getStatus().getConditions().stream()
                    .anyMatch(
                        k ->
                            k.getType().equals("SpecChangeRefused")
                                && k.getStatus().equals("True")));
    assertThat(refused.getStatus().getConditions())
        .filteredOn(c -> c.getType().equals("SpecChangeRefused"))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.getMessage())
                    .contains("spec.maxConcurrency")
                    .contains("delete and recreate"));
    assertThat(refused.getStatus().getPhase()).isEqualTo("Running");
    assertThat(execution.input).isEqualTo(input);
    assertThat(stack.sfn.executions()).filteredOn(e -> e.arn.equals(execution.arn)).hasSize(1);
  }

  @Test
  void aNewRetryPolicyOrHeartbeatOnARunningCaseIsRefused() {
    stack.create("fixed-recovery", spec(0));
    ComputeCase running =
        stack.awaitCase("fixed-recovery", c -> c.getStatus().getStartTime() != null);
    String input = stack.executionOf(running).orElseThrow().input;

    running.getSpec().setRetry(new ItemRetry(5, 1, 2.0));
    running.getSpec().setHeartbeatSeconds(30);
    stack.client.resource(running).update();

    ComputeCase refused =
        stack.awaitCase(
            "fixed-recovery",
            c ->
                c.getStatus().getConditions().stream()
                    .anyMatch(
                        k ->
                            k.getType().equals("SpecChangeRefused")
                                && k.getStatus().equals("True")));
    assertThat(refused.getStatus().getPhase()).isEqualTo("Running");
    assertThat(stack.executionOf(refused).orElseThrow().input)
        .isEqualTo(input)
        .contains("\"maxAttempts\":1");
  }

  @Test
  void aFinishedCaseIsDeletedAfterItsTtl() {
    ComputeCaseSpec spec = spec(0);
    spec.setTtlSecondsAfterFinished(1);
    stack.create("short-lived", spec);
    ComputeCase running = stack.awaitCase("short-lived", c -> c.getStatus().getStartTime() != null);
    TestingStepFunctions.Execution execution = stack.executionOf(running).orElseThrow();
    stack.sfn.finish(execution, "SUCCEEDED", "{}");

    await().atMost(Duration.ofSeconds(20)).until(() -> stack.get("short-lived") == null);
  }
}
