package io.computecase.local.sfn.execution.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.eval.Evaluation;
import io.computecase.local.sfn.execution.Recovery;
import io.computecase.local.sfn.execution.StateRun;
import io.computecase.local.sfn.execution.Transition;
import io.computecase.local.sfn.states.ParallelState;
import java.util.concurrent.CompletableFuture;

/** Runs a Parallel state: its branches on the effective input, under Retry and Catch. */
final class ParallelStep {
  private ParallelStep() {}

  static CompletableFuture<Transition> run(ParallelState state, StateRun run) {
    return Recovery.run(
        run,
        state.retriers(),
        state.catchers(),
        () -> {
          JsonNode branchInput =
              state.fields().jsonata()
                  ? (state.fields().arguments() == null
                      ? run.input()
                      : Evaluation.jsonataTemplate(
                          state.fields().arguments(), run.scope(run.input()), "Arguments"))
                  : run.parametersApplied(run.pathInput());
          return ParallelRun.run(run, state.branches(), branchInput).thenApply(run::finish);
        });
  }
}
