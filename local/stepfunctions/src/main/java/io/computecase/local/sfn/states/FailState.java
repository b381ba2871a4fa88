package io.computecase.local.sfn.states;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Fail: ends the execution with an error and cause, each a literal or JSONata ({@code error},
 * {@code cause}) or a JSONPath ({@code errorPath}, {@code causePath}).
 */
public record FailState(
    StateFields fields, JsonNode error, JsonNode cause, String errorPath, String causePath)
    implements State {
  @Override
  public <R, A> R accept(StateVisitor<R, A> visitor, A argument) {
    return visitor.fail(this, argument);
  }

  @Override
  public boolean recordsExit() {
    return false;
  }
}
