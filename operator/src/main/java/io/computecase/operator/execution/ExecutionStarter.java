package io.computecase.operator.execution;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;

/**
 * Starts a case's execution at most once: it first asks whether the execution of that name exists
 * (a previous reconcile or replica may have started it), and treats Step Functions'
 * ExecutionAlreadyExists as the same answer.
 */
public final class ExecutionStarter {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutionStarter.class);
  private final SfnClient sfn;

  public ExecutionStarter(SfnClient sfn) {
    this.sfn = sfn;
  }

  /**
   * Makes sure the execution exists; the input is built only when it must be started.
   *
   * @return true when this call started it
   */
  public boolean ensureStarted(
      String stateMachineArn, String name, String executionArn, Supplier<String> input) {
    try {
      sfn.describeExecution(r -> r.executionArn(executionArn));
      return false;
    } catch (ExecutionDoesNotExistException e) {
      // not started yet: start it below
    }
    String json = input.get();
    try {
      sfn.startExecution(r -> r.stateMachineArn(stateMachineArn).name(name).input(json));
      LOG.info("Started execution {}", executionArn);
      return true;
    } catch (ExecutionAlreadyExistsException e) {
      // another replica or an earlier attempt won the race; that execution is this case's
      return false;
    }
  }
}
