package io.computecase.operator.execution;

import io.computecase.api.v1alpha1.ComputeCase;

/**
 * The execution of a case is named from the resource's uid, so every reconcile of the same
 * resource, in any operator replica, means the same execution and can never start a second one.
 */
public final class ExecutionNames {
  private final String stateMachineArn;

  public ExecutionNames(String stateMachineArn) {
    this.stateMachineArn = stateMachineArn;
  }

  public String name(ComputeCase computeCase) {
    return "cc-" + computeCase.getMetadata().getUid();
  }

  /** The ARN Step Functions gives that execution: known before it starts. */
  public String executionArn(ComputeCase computeCase) {
    return stateMachineArn.replaceFirst(":stateMachine:", ":execution:") + ":" + name(computeCase);
  }

  public String stateMachineArn() {
    return stateMachineArn;
  }

  /**
   * A W3C traceparent for the case, derived from its uid (128 bits, the trace id's size) so a
   * repeated StartExecution carries the same input and stays idempotent.
   */
  public static String traceparent(ComputeCase computeCase) {
    String hex = computeCase.getMetadata().getUid().replace("-", "").toLowerCase();
    if (!hex.matches("[0-9a-f]{32}") || hex.matches("0+")) {
      return "";
    }
    return "00-" + hex + "-" + hex.substring(16) + "-01";
  }
}
