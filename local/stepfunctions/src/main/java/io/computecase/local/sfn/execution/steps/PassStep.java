package io.computecase.local.sfn.execution.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.execution.StateRun;
import io.computecase.local.sfn.execution.Transition;
import io.computecase.local.sfn.states.PassState;
import java.util.concurrent.CompletableFuture;

/** Runs a Pass state: its input (or its fixed Result) through the pipeline. */
final class PassStep {
  private PassStep() {}

  static CompletableFuture<Transition> run(PassState state, StateRun run) {
    if (state.fields().jsonata()) {
      return CompletableFuture.completedFuture(run.finish(run.input()));
    }
    JsonNode effective = run.parametersApplied(run.pathInput());
    return CompletableFuture.completedFuture(
        run.finish(state.result() != null ? state.result() : effective));
  }
}
