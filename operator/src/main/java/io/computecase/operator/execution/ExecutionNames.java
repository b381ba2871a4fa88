package io.computecase.operator.execution;

import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.S3ItemsObject.Format;
import java.util.Map;

/**
 * The execution of a case is named from the resource's uid, so every reconcile of the same
 * resource, in any operator replica, means the same execution and can never start a second one. It
 * runs on the state machine reading the case's item format: JSON Lines for staged items.
 */
public final class ExecutionNames {
  private final Map<Format, String> stateMachineArns;

  public ExecutionNames(Map<Format, String> stateMachineArns) {
    this.stateMachineArns = Map.copyOf(stateMachineArns);
  }

  public String name(ComputeCase computeCase) {
    return "cc-" + computeCase.getMetadata().getUid();
  }

  /** The ARN Step Functions gives that execution: known before it starts. */
  public String executionArn(ComputeCase computeCase) {
    return stateMachineArn(computeCase).replaceFirst(":stateMachine:", ":execution:")
        + ":"
        + name(computeCase);
  }

  /** The state machine reading this case's items. */
  public String stateMachineArn(ComputeCase computeCase) {
    return stateMachineArns.get(format(computeCase.getSpec()));
  }

  /** JSON Lines, unless the items are a user's S3 object in another format. */
  static Format format(ComputeCaseSpec spec) {
    return spec != null && spec.getItemsFrom() != null && spec.getItemsFrom().getS3() != null
        ? spec.getItemsFrom().getS3().effectiveFormat()
        : Format.JSONL;
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
