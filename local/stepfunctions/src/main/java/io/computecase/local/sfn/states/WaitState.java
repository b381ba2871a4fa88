package io.computecase.local.sfn.states;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Wait: delays for Seconds or until Timestamp, each a literal or JSONata, or read through
 * SecondsPath or TimestampPath; exactly one of the four is set.
 */
public record WaitState(
    StateFields fields,
    JsonNode seconds,
    JsonNode timestamp,
    String secondsPath,
    String timestampPath)
    implements State {
  @Override
  public <R, A> R accept(StateVisitor<R, A> visitor, A argument) {
    return visitor.waitState(this, argument);
  }
}
