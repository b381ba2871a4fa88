package io.computecase.local.sfn.states;

import io.computecase.local.sfn.integration.TaskResource;
import java.util.List;

/**
 * Task: calls a service integration (optionally waiting for a token or a job) under Retry/Catch,
 * within TimeoutSeconds and HeartbeatSeconds when set.
 */
public record TaskState(
    StateFields fields,
    TaskResource resource,
    NumberSource timeoutSeconds,
    NumberSource heartbeatSeconds,
    List<Retrier> retriers,
    List<Catcher> catchers)
    implements State {

  public TaskState {
    retriers = List.copyOf(retriers);
    catchers = List.copyOf(catchers);
  }

  @Override
  public <R, A> R accept(StateVisitor<R, A> visitor, A argument) {
    return visitor.task(this, argument);
  }
}
