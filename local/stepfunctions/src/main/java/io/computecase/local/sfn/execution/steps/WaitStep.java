package io.computecase.local.sfn.execution.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.eval.Evaluation;
import io.computecase.local.sfn.execution.StateRun;
import io.computecase.local.sfn.execution.Transition;
import io.computecase.local.sfn.query.QueryException;
import io.computecase.local.sfn.query.QueryScope;
import io.computecase.local.sfn.states.WaitState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a Wait state: delays for Seconds or until Timestamp, on the engine clock. A value that
 * cannot be waited for is a runtime error of the state (a QueryException, whose cause names the
 * state and the event that entered it).
 */
final class WaitStep {
  private WaitStep() {}

  static CompletableFuture<Transition> run(WaitState state, StateRun run) {
    QueryScope scope = run.scope(state.fields().jsonata() ? run.input() : run.pathInput());
    Instant due = due(state, run, scope);
    Transition through = run.passThrough();
    return run.delayUntil(due).thenApply(ignored -> through);
  }

  private static Instant due(WaitState state, StateRun run, QueryScope scope) {
    if (state.secondsPath() != null) {
      return afterSeconds(run, Evaluation.select(state.secondsPath(), scope));
    }
    if (state.timestampPath() != null) {
      JsonNode value = Evaluation.select(state.timestampPath(), scope);
      return timestamp(value, QueryException.RUNTIME, timestampPathProblem(value));
    }
    if (state.seconds() != null) {
      JsonNode value =
          Evaluation.isJsonata(state.seconds())
              ? Evaluation.jsonata(state.seconds().textValue(), scope, "Seconds")
              : state.seconds();
      return afterSeconds(run, value);
    }
    if (Evaluation.isJsonata(state.timestamp())) {
      // The Guide: "In JSONata states, you can specify a JSONata expression which results in a
      // string that conforms to the previous requirements"; what does not is the expression's
      // failure, a States.QueryEvaluationError.
      String expression = state.timestamp().textValue();
      JsonNode value = Evaluation.jsonata(expression, scope, "Timestamp");
      return timestamp(
          value,
          QueryException.QUERY_EVALUATION_ERROR,
          "The JSONata expression '"
              + Evaluation.jsonataBody(expression)
              + "' specified for the field 'Timestamp' returned "
              + value
              + ", which is not a timestamp in the form 2016-03-14T01:59:00Z.");
    }
    JsonNode value = state.timestamp();
    return timestamp(value, QueryException.RUNTIME, timestampPathProblem(value));
  }

  private static Instant afterSeconds(StateRun run, JsonNode value) {
    if (value == null || !value.isIntegralNumber() || value.asLong() < 0) {
      throw new QueryException(
          QueryException.RUNTIME,
          "The SecondsPath parameter does not reference a valid non-negative integer value: "
              + value);
    }
    return run.now().plusSeconds(value.asLong());
  }

  /**
   * The instant to wait until. The Guide: timestamps conform to the RFC3339 profile of ISO 8601
   * with an uppercase T and an uppercase Z, and Step Functions "considers the time value up to
   * seconds and truncates milliseconds".
   */
  private static Instant timestamp(JsonNode value, String error, String cause) {
    Instant instant = Evaluation.timestamp(value);
    if (instant == null) {
      throw new QueryException(error, cause);
    }
    return instant.truncatedTo(ChronoUnit.SECONDS);
  }

  private static String timestampPathProblem(JsonNode value) {
    return "The TimestampPath parameter does not reference a valid ISO-8601 extended offset"
        + " date-time format string: "
        + value;
  }
}
