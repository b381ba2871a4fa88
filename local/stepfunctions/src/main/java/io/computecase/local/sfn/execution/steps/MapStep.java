package io.computecase.local.sfn.execution.steps;

import io.computecase.local.sfn.execution.Recovery;
import io.computecase.local.sfn.execution.StateRun;
import io.computecase.local.sfn.execution.Transition;
import io.computecase.local.sfn.execution.map.MapIterations;
import io.computecase.local.sfn.integration.s3.ObjectStore;
import io.computecase.local.sfn.states.MapState;
import java.util.concurrent.CompletableFuture;

/** Runs a Map state: its iterations, inline or as a Map Run, under Retry and Catch. */
final class MapStep {
  private MapStep() {}

  /**
   * @param s3 where a Distributed Map's ItemReader reads and its ResultWriter writes
   */
  static CompletableFuture<Transition> run(MapState state, StateRun run, ObjectStore s3) {
    return Recovery.run(
        run,
        state.retriers(),
        state.catchers(),
        () -> MapIterations.run(run, state, s3).thenApply(run::finish));
  }
}
