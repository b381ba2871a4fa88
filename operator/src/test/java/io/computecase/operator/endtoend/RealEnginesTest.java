package io.computecase.operator.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.Generate;
import io.computecase.operator.testing.OperatorTestStack;
import io.computecase.operator.testing.TestingWorker.Answer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The operator against the project's real local Step Functions and EventBridge (and ElasticMQ): it
 * provisions them, and a case whose items a tiny in-test worker answers through task tokens ends
 * with the summary the engines report.
 */
class RealEnginesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private OperatorTestStack stack;

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

  /** Answers every item: success with its duration, except caseId "3", which fails. */
  private void startWorker() {
    startWorker("3");
  }

  private void startWorker(String failingCaseId) {
    stack.startWorker(
        (caseId, delivery) ->
            caseId.equals(failingCaseId)
                ? new Answer.Fail("ComputeError", "case " + caseId + " cannot be computed")
                : new Answer.Succeed(10 + caseId.length()));
  }

  @Test
  void aCaseRunsThroughTheLocalEnginesAndReportsItsFailures() {
    startWorker();
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setGenerate(new Generate(12));
    spec.setToleratedFailurePercentage(50.0);
    spec.setParameters(JSON.createObjectNode().put("computeMs", 0));
    stack.create("through-engines", spec);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              ComputeCase cc = stack.get("through-engines");
              return cc.getStatus() != null && cc.getStatus().getCompletionTime() != null;
            });
    ComputeCase done = stack.get("through-engines");
    assertThat(done.getStatus().getPhase())
        .as(done.getStatus().getMessage())
        .isEqualTo("Succeeded");
    var summary = done.getStatus().getSummary();
    assertThat(summary.getTotal()).isEqualTo(12);
    assertThat(summary.getSucceeded()).isEqualTo(11);
    assertThat(summary.getFailed()).isEqualTo(1);
    assertThat(summary.getDurationMs().getMin()).isEqualTo(11.0);
    assertThat(summary.getDurationMs().getMax()).isEqualTo(12.0);
    assertThat(summary.getFailures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.getIndex()).isEqualTo(3);
              assertThat(f.getCaseId()).isEqualTo("3");
              assertThat(f.getError()).isEqualTo("ComputeError");
              assertThat(f.getCause()).isEqualTo("case 3 cannot be computed");
            });
    assertThat(done.getStatus().getProgress().getDone()).isEqualTo("12/12");
    // the ResultWriter's manifest, which the durations were read through, stays in S3
    String manifestKey = done.getStatus().getResults().getManifestKey();
    assertThat(manifestKey)
        .startsWith(done.getStatus().getResults().getPrefix() + "/")
        .endsWith("/manifest.json");
    assertThat(stack.object(OperatorTestStack.BUCKET, manifestKey))
        .hasValueSatisfying(m -> assertThat(m).contains("SUCCEEDED"));
  }

  @Test
  void killingTheOperatorFiveTimesDuringACaseStartsOneExecutionAndLosesNothing() {
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setGenerate(new Generate(1000));
    stack.create("chaos", spec);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              ComputeCase cc = stack.get("chaos");
              return cc.getStatus() != null && cc.getStatus().getExecutionArn() != null;
            });
    startWorker("none");

    for (int restart = 0; restart < 5; restart++) {
      stack.restartOperator();
    }

    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () -> {
              ComputeCase cc = stack.get("chaos");
              return cc.getStatus() != null && cc.getStatus().getCompletionTime() != null;
            });
    ComputeCase done = stack.get("chaos");
    assertThat(done.getStatus().getPhase()).isEqualTo("Succeeded");
    assertThat(done.getStatus().getSummary().getSucceeded()).isEqualTo(1000);
    assertThat(done.getStatus().getProgress().getDone()).isEqualTo("1000/1000");
    var executions = stack.sfn.executions(); // the Testing fake is unused here: ask the engine
    assertThat(executions).isEmpty();
    String stateMachineArn = stack.operator().stateMachineArn();
    try (SfnClient sfn = stack.sfnClient()) {
      assertThat(sfn.listExecutions(r -> r.stateMachineArn(stateMachineArn)).executions())
          .hasSize(1);
    }
  }
}
