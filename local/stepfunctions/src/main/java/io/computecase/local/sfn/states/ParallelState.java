package io.computecase.local.sfn.states;

import java.util.List;

/** Parallel: runs every branch on the same input; its result is the array of branch outputs. */
public record ParallelState(
    StateFields fields, List<StateGraph> branches, List<Retrier> retriers, List<Catcher> catchers)
    implements State {

  public ParallelState {
    branches = List.copyOf(branches);
    retriers = List.copyOf(retriers);
    catchers = List.copyOf(catchers);
  }

  @Override
  public <R, A> R accept(StateVisitor<R, A> visitor, A argument) {
    return visitor.parallel(this, argument);
  }

  @Override
  public List<StateGraph> subgraphs() {
    return branches;
  }
}
