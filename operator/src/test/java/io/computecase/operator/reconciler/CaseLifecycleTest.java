package io.computecase.operator.reconciler;

import static io.computecase.operator.testing.OperatorTestStack.phase;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.Generate;
import io.computecase.operator.testing.OperatorTestStack;
import io.computecase.operator.testing.TestingResults;
import io.computecase.testing.TestingStepFunctions;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A valid case starts one execution, shows live progress, and ends with its summary. */
class CaseLifecycleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private OperatorTestStack stack;

  @BeforeEach
  void start() {
    stack = new OperatorTestStack();
    stack.startOperator();
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  private static ComputeCaseSpec generated(int count) {
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setGenerate(new Generate(count));
    spec.setParameters(JSON.createObjectNode().put("computeMs", 20));
    spec.setMaxConcurrency(50);
    return spec;
  }

  @Test
  void startsTheExecutionWithTheRequestAndItemsTheStateMachineExpects() throws Exception {
    ComputeCase created = stack.create("hundred", generated(100));

    ComputeCase cc =
        stack.awaitCase(
            "hundred",
            c ->
                c.getStatus().getExecutionArn() != null
                    && stack.sfn.executions().size() == 1
                    && c.getStatus().getStartTime() != null);

    TestingStepFunctions.Execution execution = stack.sfn.onlyExecution();
    assertThat(cc.getStatus().getExecutionArn())
        .isEqualTo(execution.arn)
        .endsWith(":execution:computecase:cc-" + created.getMetadata().getUid());
    JsonNode input = JSON.readTree(execution.input);
    JsonNode request = input.get("request");
    assertThat(request.get("requestId").asText()).isEqualTo("hundred");
    assertThat(request.get("target").asText()).isEqualTo("default");
    assertThat(request.get("busName").asText()).isEqualTo("computecase");
    assertThat(request.get("maxConcurrency").asInt()).isEqualTo(50);
    assertThat(request.get("toleratedFailurePercentage").isNumber()).isTrue();
    assertThat(request.get("itemTimeoutSeconds").asInt()).isEqualTo(3600);
    // unset recovery fields: no heartbeat, one attempt, and a count that never binds
    assertThat(request.get("heartbeatSeconds").asInt()).isZero();
    assertThat(request.get("retry"))
        .isEqualTo(JSON.readTree("{\"maxAttempts\":1,\"intervalSeconds\":1,\"backoffRate\":2.0}"));
    assertThat(request.get("toleratedFailureCount").asInt()).isEqualTo(100);
    assertThat(request.get("parameters").get("computeMs").asInt()).isEqualTo(20);
    assertThat(request.get("traceparent").asText()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    assertThat(request.get("itemCount").asInt()).isEqualTo(100);
    // the items are staged in S3 as JSON Lines; the input only says where, and where results go
    assertThat(stack.stagedItems(cc).lines())
        .hasSize(100)
        .startsWith("{\"caseId\":\"0\"}", "{\"caseId\":\"1\"}")
        .endsWith("{\"caseId\":\"99\"}");
    String results =
        "results/" + OperatorTestStack.NAMESPACE + "/hundred/" + created.getMetadata().getUid();
    assertThat(input.get("results"))
        .isEqualTo(
            JSON.createObjectNode().put("bucket", OperatorTestStack.BUCKET).put("prefix", results));
    assertThat(input.size()).isEqualTo(3);
    assertThat(cc.getStatus().getResults().getBucket()).isEqualTo(OperatorTestStack.BUCKET);
    assertThat(cc.getStatus().getResults().getPrefix()).isEqualTo(results);
    assertThat(cc.getStatus().getResults().getManifestKey()).isNull();
    assertThat(cc.getStatus().getEstimate().getStateTransitions()).isEqualTo(204);
    assertThat(cc.getStatus().getEstimate().getEvents()).isEqualTo(101);
    // staging PUT, one result part, manifest PUT; ItemReader GET, manifest and results GETs
    assertThat(cc.getStatus().getEstimate().getS3Requests()).isEqualTo(6);
    assertThat(cc.getStatus().getEstimate().getCostUsd()).isEqualTo("0.005265");
    assertThat(cc.getStatus().getEstimate().getBasis()).contains("us-east-1 list prices");
    assertThat(cc.getStatus().getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Accepted");
              assertThat(c.getStatus()).isEqualTo("True");
            });
  }

  @Test
  void showsMapRunCountersWhileRunningAndTheSummaryWhenDone() throws Exception {
    stack.create("progress", generated(100));
    stack.awaitCase("progress", c -> stack.sfn.executions().size() == 1);
    TestingStepFunctions.Execution execution = stack.sfn.onlyExecution();
    TestingStepFunctions.MapRun run = stack.sfn.startMapRun(execution, 100);
    run.succeeded = 60;
    run.running = 38;
    run.failed = 0;

    ComputeCase running =
        stack.awaitCase(
            "progress",
            c ->
                c.getStatus().getProgress() != null
                    && c.getStatus().getProgress().getSucceeded() == 60);
    assertThat(running.getStatus().getPhase()).isEqualTo("Running");
    assertThat(running.getStatus().getMapRunArn()).isEqualTo(run.arn);
    assertThat(running.getStatus().getProgress().getInFlight()).isEqualTo(38);
    assertThat(running.getStatus().getProgress().getDone()).isEqualTo("60/100");
    Condition runningCondition = condition(running, "Running");
    assertThat(runningCondition.getStatus()).isEqualTo("True");

    stack.sfn.failItem(
        execution, 7, JSON.readTree("{\"caseId\":\"7\"}"), "ComputeError", "division by zero");
    stack.sfn.failItem(
        execution,
        3,
        JSON.readTree("{\"caseId\":\"3\"}"),
        "States.Timeout",
        "no answer within 3600 s");
    run.running = 0;
    run.succeeded = 98;
    run.failed = 2;
    // 98 durations over two result files: 20 ms once, 21 ms 80 times, 25 ms 16 times, 40 ms once
    List<Double> first = new ArrayList<>(List.of(20.0));
    first.addAll(Collections.nCopies(48, 21.0));
    List<Double> second = new ArrayList<>(Collections.nCopies(32, 21.0));
    second.addAll(Collections.nCopies(16, 25.0));
    second.add(40.0);
    String prefix = running.getStatus().getResults().getPrefix();
    String manifestKey = TestingResults.write(stack, prefix, run.arn, List.of(first, second));
    stack.sfn.finish(execution, "SUCCEEDED", TestingResults.executionOutput(run.arn, manifestKey));

    ComputeCase done = stack.awaitCase("progress", phase("Succeeded"));
    assertThat(done.getStatus().getResults().getManifestKey()).isEqualTo(manifestKey);
    assertThat(manifestKey).startsWith(prefix + "/").endsWith("/manifest.json");
    var summary = done.getStatus().getSummary();
    assertThat(summary.getTotal()).isEqualTo(100);
    assertThat(summary.getSucceeded()).isEqualTo(98);
    assertThat(summary.getFailed()).isEqualTo(2);
    assertThat(summary.getWallSeconds()).isNotNull().isGreaterThanOrEqualTo(0.0);
    assertThat(summary.getDurationMs().getMin()).isEqualTo(20.0);
    assertThat(summary.getDurationMs().getP50()).isEqualTo(21.0);
    assertThat(summary.getDurationMs().getP95()).isEqualTo(25.0);
    assertThat(summary.getDurationMs().getMax()).isEqualTo(40.0);
    assertThat(summary.getFailures()).hasSize(2);
    assertThat(summary.getFailures().get(0).getIndex()).isEqualTo(3);
    assertThat(summary.getFailures().get(0).getCaseId()).isEqualTo("3");
    assertThat(summary.getFailures().get(0).getError()).isEqualTo("States.Timeout");
    assertThat(summary.getFailures().get(1).getCaseId()).isEqualTo("7");
    assertThat(summary.getFailures().get(1).getError()).isEqualTo("ComputeError");
    assertThat(summary.getFailures().get(1).getCause()).isEqualTo("division by zero");
    assertThat(done.getStatus().getProgress().getDone()).isEqualTo("100/100");
    assertThat(done.getStatus().getCompletionTime()).isNotNull();
    assertThat(condition(done, "Complete").getStatus()).isEqualTo("True");
    assertThat(condition(done, "Running").getStatus()).isEqualTo("False");
    assertThat(condition(done, "Running").getLastTransitionTime())
        .isGreaterThanOrEqualTo(runningCondition.getLastTransitionTime());
    assertThat(stack.sfn.startExecutionCalls.get()).isEqualTo(1);
  }

  @Test
  void aFailedExecutionFailsTheCaseWithItsErrorAndCause() {
    stack.create("failing", generated(10));
    stack.awaitCase("failing", c -> stack.sfn.executions().size() == 1);
    TestingStepFunctions.Execution execution = stack.sfn.onlyExecution();
    TestingStepFunctions.MapRun run = stack.sfn.startMapRun(execution, 10);
    run.failed = 10;
    // a failed execution has no output: its Map Run's results are found under the Map Run's id
    String prefix = stack.get("failing").getStatus().getResults().getPrefix();
    String manifestKey = TestingResults.write(stack, prefix, run.arn, List.of(List.of(7.0)));
    execution.error = "States.ExceedToleratedFailureThreshold";
    execution.cause = "The number of failed items exceeded the tolerated threshold";
    stack.sfn.finish(execution, "FAILED", null);

    ComputeCase failed = stack.awaitCase("failing", phase("Failed"));

    assertThat(failed.getStatus().getMessage()).contains("States.ExceedToleratedFailureThreshold");
    assertThat(condition(failed, "Failed").getStatus()).isEqualTo("True");
    assertThat(condition(failed, "Failed").getReason()).isEqualTo("ExecutionFailed");
    assertThat(failed.getStatus().getSummary().getFailed()).isEqualTo(10);
    assertThat(failed.getStatus().getSummary().getDurationMs().getMax()).isEqualTo(7.0);
    assertThat(failed.getStatus().getResults().getManifestKey()).isEqualTo(manifestKey);
  }

  static Condition condition(ComputeCase cc, String type) {
    return cc.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no condition " + type + " in " + cc.getStatus().getConditions()));
  }
}
