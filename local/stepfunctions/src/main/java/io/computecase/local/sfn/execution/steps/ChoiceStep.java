package io.computecase.local.sfn.execution.steps;

import io.computecase.local.sfn.execution.StateFailure;
import io.computecase.local.sfn.execution.StateRun;
import io.computecase.local.sfn.execution.Transition;
import io.computecase.local.sfn.query.QueryScope;
import io.computecase.local.sfn.states.ChoiceBranch;
import io.computecase.local.sfn.states.ChoiceState;
import java.util.concurrent.CompletableFuture;

/** Runs a Choice state: the Next of the first rule that matches, else Default, else a failure. */
final class ChoiceStep {
  private ChoiceStep() {}

  static CompletableFuture<Transition> run(ChoiceState state, StateRun run) {
    QueryScope scope = run.scope(run.pathInput());
    for (ChoiceBranch choice : state.choices()) {
      if (choice.condition().matches(scope)) {
        Transition through = run.passThrough(choice.output(), choice.assign());
        return CompletableFuture.completedFuture(new Transition(choice.next(), through.output()));
      }
    }
    if (state.defaultNext() != null) {
      Transition through = run.passThrough();
      return CompletableFuture.completedFuture(
          new Transition(state.defaultNext(), through.output()));
    }
    return CompletableFuture.failedFuture(
        new StateFailure(
            "States.NoChoiceMatched",
            "No Matches! State '" + state.name() + "' could not find a choice to match."));
  }
}
