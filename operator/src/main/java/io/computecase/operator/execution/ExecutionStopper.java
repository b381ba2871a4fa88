package io.computecase.operator.execution;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;

/** Stops a deleted case's execution, so no worker keeps computing for a case nobody wants. */
public final class ExecutionStopper {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutionStopper.class);
  private final SfnClient sfn;

  public ExecutionStopper(SfnClient sfn) {
    this.sfn = sfn;
  }

  public void stop(String executionArn, String caseName) {
    try {
      sfn.stopExecution(
          r ->
              r.executionArn(executionArn)
                  .error("ComputeCaseDeleted")
                  .cause("ComputeCase " + caseName + " was deleted"));
      LOG.info("Stopped execution {} of deleted case {}", executionArn, caseName);
    } catch (ExecutionDoesNotExistException e) {
      // never started (deleted between naming and starting): nothing to stop
    }
  }
}
