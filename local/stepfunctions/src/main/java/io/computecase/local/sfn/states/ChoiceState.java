package io.computecase.local.sfn.states;

import java.util.ArrayList;
import java.util.List;

/** Choice: goes to the Next of the first rule that matches, else to Default, else fails. */
public record ChoiceState(StateFields fields, List<ChoiceBranch> choices, String defaultNext)
    implements State {

  public ChoiceState {
    choices = List.copyOf(choices);
  }

  @Override
  public <R, A> R accept(StateVisitor<R, A> visitor, A argument) {
    return visitor.choice(this, argument);
  }

  @Override
  public List<String> transitions() {
    List<String> targets = new ArrayList<>(State.super.transitions());
    for (ChoiceBranch choice : choices) {
      targets.add(choice.next());
    }
    if (defaultNext != null) {
      targets.add(defaultNext);
    }
    return targets;
  }
}
