package io.computecase.operator.execution;

import java.util.Optional;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException;

/** Re-runs the failed items of a finished execution in place (RedriveExecution). */
public final class ExecutionRedriver {
  private final SfnClient sfn;

  public ExecutionRedriver(SfnClient sfn) {
    this.sfn = sfn;
  }

  /** Empty when redriven; otherwise why Step Functions refused. */
  public Optional<String> redrive(String executionArn) {
    try {
      sfn.redriveExecution(r -> r.executionArn(executionArn));
      return Optional.empty();
    } catch (ExecutionNotRedrivableException e) {
      return Optional.of(
          e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage());
    }
  }
}
