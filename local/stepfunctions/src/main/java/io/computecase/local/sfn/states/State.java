package io.computecase.local.sfn.states;

import io.computecase.local.sfn.execution.StateRun;
import java.util.concurrent.CompletableFuture;

/** One parsed ASL state; its subclass knows how to run it within the shared pipeline. */
public abstract sealed class State
    permits PassState,
        TaskState,
        ChoiceState,
        WaitState,
        SucceedState,
        FailState,
        ParallelState,
        MapState {
  private final StateFields fields;

  protected State(StateFields fields) {
    this.fields = fields;
  }

  public StateFields fields() {
    return fields;
  }

  public String name() {
    return fields.name();
  }

  /** The prefix of this state's history events, e.g. "Task" for TaskStateEntered. */
  public String eventPrefix() {
    return fields.type();
  }

  /** Runs the state on its input; completes with the transition or a StateFailure. */
  public abstract CompletableFuture<Transition> run(StateRun run);

  /** Whether an Exited event follows (Fail states end the run without one). */
  public boolean recordsExit() {
    return true;
  }
}
