package io.computecase.local.sfn.states;

import com.fasterxml.jackson.databind.JsonNode;

/** Pass: hands its input (or its fixed Result) on, reshaped by the pipeline. */
public record PassState(StateFields fields, JsonNode result) implements State {
  @Override
  public <R, A> R accept(StateVisitor<R, A> visitor, A argument) {
    return visitor.pass(this, argument);
  }
}
