package io.computecase.local.sfn.execution.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.execution.StateFailure;

/**
 * What stands in for a Task's, Parallel's or Map's invocation: its result, or the error (and cause)
 * it fails with. Exactly one of {@code result} and {@code error} is set.
 */
public record StateMock(JsonNode result, String error, String cause) {

  public static StateMock result(JsonNode value) {
    return new StateMock(value, null, null);
  }

  public static StateMock failure(String error, String cause) {
    return new StateMock(null, error, cause);
  }

  /** The invocation's outcome: the mocked result, or the mocked error thrown as the state's. */
  JsonNode invoke() {
    if (error != null) {
      throw new StateFailure(error, cause);
    }
    return result.deepCopy();
  }
}
