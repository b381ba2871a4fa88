package io.computecase.local.sfn.execution.map.writer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One unit of a Map Run as the ResultWriter exports it: the child execution that ran it last, or
 * only its input when it never started (PENDING).
 *
 * @param status SUCCEEDED, FAILED, TIMED_OUT, ABORTED, or PENDING for a unit that never started
 */
public record ChildResult(
    String status,
    String executionArn,
    String name,
    String stateMachineArn,
    JsonNode input,
    JsonNode output,
    String error,
    String cause,
    long startMillis,
    long stopMillis,
    int redriveCount) {

  public boolean succeeded() {
    return status.equals("SUCCEEDED");
  }

  public boolean pending() {
    return status.equals("PENDING");
  }
}
