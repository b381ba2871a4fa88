package io.computecase.local.sfn.execution.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.eval.Evaluation;
import io.computecase.local.sfn.execution.StateFailure;
import io.computecase.local.sfn.execution.StateRun;
import io.computecase.local.sfn.execution.Transition;
import io.computecase.local.sfn.query.QueryException;
import io.computecase.local.sfn.query.QueryScope;
import io.computecase.local.sfn.states.FailState;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a Fail state: ends its graph with the error and cause, fixed, computed by JSONata, or read
 * by ErrorPath and CausePath (a Path or, as the Guide allows, an intrinsic function returning a
 * string).
 */
final class FailStep {
  private FailStep() {}

  static CompletableFuture<Transition> run(FailState state, StateRun run) {
    QueryScope scope = run.scope(run.input());
    String errorText = text(state.error(), state.errorPath(), scope, "Error");
    String causeText = text(state.cause(), state.causePath(), scope, "Cause");
    return CompletableFuture.failedFuture(new StateFailure(errorText, causeText));
  }

  private static String text(JsonNode literal, String path, QueryScope scope, String field) {
    JsonNode value;
    if (path != null) {
      value = Evaluation.selectOrCall(path, scope);
    } else if (Evaluation.isJsonata(literal)) {
      value = Evaluation.jsonata(literal.textValue(), scope, field);
    } else {
      value = literal;
    }
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      // A runtime error of the state, so its cause names the state and the event that entered it.
      throw new QueryException(
          QueryException.RUNTIME,
          "The value of the field '"
              + (path != null ? field + "Path" : field)
              + "' must be a string, but was "
              + value);
    }
    return value.textValue();
  }
}
