package io.computecase.local.sfn.execution.steps;

import io.computecase.local.sfn.execution.StateRun;
import io.computecase.local.sfn.execution.Transition;
import io.computecase.local.sfn.states.SucceedState;
import java.util.concurrent.CompletableFuture;

/** Runs a Succeed state: ends its graph with its (filtered) input. */
final class SucceedStep {
  private SucceedStep() {}

  static CompletableFuture<Transition> run(SucceedState state, StateRun run) {
    return CompletableFuture.completedFuture(run.passThrough());
  }
}
