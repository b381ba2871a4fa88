package io.computecase.local.sfn.states;

import io.computecase.local.sfn.execution.StateFailure;
import io.computecase.local.sfn.execution.StateRun;
import io.computecase.local.sfn.query.QueryScope;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Choice: goes to the Next of the first rule that matches, else to Default, else fails. */
public final class ChoiceState extends State {
  private final List<ChoiceBranch> choices;
  private final String defaultNext;

  public ChoiceState(StateFields fields, List<ChoiceBranch> choices, String defaultNext) {
    super(fields);
    this.choices = List.copyOf(choices);
    this.defaultNext = defaultNext;
  }

  @Override
  public CompletableFuture<Transition> run(StateRun run) {
    QueryScope scope = run.scope(run.pathInput());
    for (ChoiceBranch choice : choices) {
      if (choice.condition().matches(scope)) {
        Transition through = run.passThrough(choice.output(), choice.assign());
        return CompletableFuture.completedFuture(new Transition(choice.next(), through.output()));
      }
    }
    if (defaultNext != null) {
      Transition through = run.passThrough();
      return CompletableFuture.completedFuture(new Transition(defaultNext, through.output()));
    }
    return CompletableFuture.failedFuture(
        new StateFailure(
            "States.NoChoiceMatched",
            "No Matches! State '" + name() + "' could not find a choice to match."));
  }

  public List<ChoiceBranch> choices() {
    return choices;
  }

  public String defaultNext() {
    return defaultNext;
  }
}
