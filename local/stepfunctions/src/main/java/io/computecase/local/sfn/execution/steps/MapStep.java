package io.computecase.local.sfn.execution.steps;

import io.computecase.local.sfn.execution.Recovery;
import io.computecase.local.sfn.execution.StateRun;
import io.computecase.local.sfn.execution.Transition;
import io.computecase.local.sfn.execution.map.MapIterations;
import io.computecase.local.sfn.states.MapState;
import java.util.concurrent.CompletableFuture;

/** Runs a Map state: its iterations, inline or as a Map Run, under Retry and Catch. */
final class MapStep {
  private MapStep() {}

  static CompletableFuture<Transition> run(MapState state, StateRun run) {
    return Recovery.run(
        run,
        state.retriers(),
        state.catchers(),
        () -> MapIterations.run(run, state).thenApply(run::finish));
  }
}
