package io.computecase.local.sfn.states;

/** Succeed: ends its graph successfully with its (filtered) input. */
public record SucceedState(StateFields fields) implements State {
  @Override
  public <R, A> R accept(StateVisitor<R, A> visitor, A argument) {
    return visitor.succeed(this, argument);
  }
}
