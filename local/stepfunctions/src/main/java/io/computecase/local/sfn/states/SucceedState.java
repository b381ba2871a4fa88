package io.computecase.local.sfn.states;

import io.computecase.local.sfn.execution.StateRun;
import java.util.concurrent.CompletableFuture;

/** Succeed: ends its graph successfully with its (filtered) input. */
public final class SucceedState extends State {
  public SucceedState(StateFields fields) {
    super(fields);
  }

  @Override
  public CompletableFuture<Transition> run(StateRun run) {
    return CompletableFuture.completedFuture(run.passThrough());
  }
}
