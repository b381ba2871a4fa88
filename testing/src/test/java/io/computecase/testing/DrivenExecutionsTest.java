package io.computecase.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsServiceException;
import io.computecase.testing.TestingStepFunctions.Execution;
import io.computecase.testing.TestingStepFunctions.MapRun;
import org.junit.jupiter.api.Test;

/**
 * Executions do not run: the test starts Map Runs, counts items and finishes them, and callers see
 * that in process as over HTTP.
 */
class DrivenExecutionsTest {
  private final TestingStepFunctions states = new TestingStepFunctions();

  private static JsonNode json(String text) throws Exception {
    return AwsJson.MAPPER.readTree(text);
  }

  @Test
  void startsAreRecordedPerStateMachineInOrder() throws Exception {
    String a = states.createStateMachine("a");
    String b = states.createStateMachine("b");

    states.invoke("StartExecution", json("{\"stateMachineArn\":\"" + a + "\",\"input\":\"1\"}"));
    states.invoke("StartExecution", json("{\"stateMachineArn\":\"" + b + "\",\"input\":\"2\"}"));
    states.invoke("StartExecution", json("{\"stateMachineArn\":\"" + a + "\",\"input\":\"3\"}"));

    assertThat(states.executionsOf(a)).extracting(e -> e.input).containsExactly("1", "3");
    assertThat(states.executionsOf(b)).extracting(e -> e.input).containsExactly("2");
    assertThat(states.startExecutionCalls.get()).isEqualTo(3);
  }

  @Test
  void anUnknownOperationIsRefusedAsAwsDoes() {
    AwsServiceException e = null;
    try {
      states.invoke("DeleteActivity", AwsJson.MAPPER.createObjectNode());
    } catch (AwsServiceException refused) {
      e = refused;
    }
    assertThat(e).isNotNull();
    assertThat(e.code()).isEqualTo("UnknownOperationException");
  }

  @Test
  void aMapRunShowsTheCountsTheTestSetAndItsFailedChildren() throws Exception {
    String machine = states.createStateMachine("fan-out");
    states.invoke(
        "StartExecution",
        json(
            "{\"stateMachineArn\":\""
                + machine
                + "\",\"name\":\"cc-1\",\"input\":\"{\\\"request\\\":{\\\"maxConcurrency\\\":7}}\"}"));
    Execution execution = states.executionNamed("cc-1").orElseThrow();
    MapRun run = states.startMapRun(execution, 10);
    run.running = 2;
    run.succeeded = 5;
    run.failed = 2;
    states.failItem(execution, 3, json("{\"caseId\":\"3\"}"), "States.Timeout", "slow");
    states.failItem(execution, 4, json("{\"caseId\":\"4\"}"), "ComputeError", "bad");

    JsonNode described =
        states.invoke("DescribeMapRun", json("{\"mapRunArn\":\"" + run.arn + "\"}"));
    assertThat(described.path("maxConcurrency").asInt()).isEqualTo(7);
    assertThat(described.path("status").asText()).isEqualTo("RUNNING");
    JsonNode counts = described.path("itemCounts");
    assertThat(counts.path("pending").asLong()).isEqualTo(1);
    assertThat(counts.path("failed").asLong()).isEqualTo(1);
    assertThat(counts.path("timedOut").asLong()).isEqualTo(1);

    JsonNode timedOut =
        states.invoke(
            "ListExecutions",
            json("{\"mapRunArn\":\"" + run.arn + "\",\"statusFilter\":\"TIMED_OUT\"}"));
    assertThat(timedOut.path("executions")).hasSize(1);
    String child = timedOut.path("executions").get(0).path("executionArn").asText();
    JsonNode childDescribed =
        states.invoke("DescribeExecution", json("{\"executionArn\":\"" + child + "\"}"));
    assertThat(childDescribed.path("cause").asText()).isEqualTo("slow");

    states.finish(execution, "SUCCEEDED", "{\"done\":true}");
    JsonNode finished =
        states.invoke("DescribeExecution", json("{\"executionArn\":\"" + execution.arn + "\"}"));
    assertThat(finished.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(finished.path("output").asText()).isEqualTo("{\"done\":true}");
  }
}
