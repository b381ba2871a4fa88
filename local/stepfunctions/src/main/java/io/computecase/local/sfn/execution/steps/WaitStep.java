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
  /** The Guide: Seconds is "an integer value from 0 to 99999999". */
  private static final long MAX_SECONDS = 99_999_999L;

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
      if (Evaluation.isJsonata(state.seconds())) {
        return afterJsonataSeconds(run, state.seconds().textValue(), scope);
      }
      return afterSeconds(run, state.seconds());
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

  /**
   * The Guide: "In JSONata states, you can alternatively specify a JSONata expression which must
   * evaluate to an integer in the stated range" (0 to 99999999); what does not is the expression's
   * failure, a States.QueryEvaluationError, as for an invalid Timestamp. JSONata has one number
   * type, so a whole number such as {@code 4 / 2} is an integer.
   */
  private static Instant afterJsonataSeconds(StateRun run, String expression, QueryScope scope) {
    JsonNode value = Evaluation.jsonata(expression, scope, "Seconds");
    boolean whole =
        value != null
            && value.isNumber()
            && value.decimalValue().stripTrailingZeros().scale() <= 0
            && value.doubleValue() >= 0
            && value.doubleValue() <= MAX_SECONDS;
    if (!whole) {
      throw new QueryException(
          QueryException.QUERY_EVALUATION_ERROR,
          "The JSONata expression '"
              + Evaluation.jsonataBody(expression)
              + "' specified for the field 'Seconds' returned "
              + value
              + ", which is not an integer from 0 to "
              + MAX_SECONDS
              + ".");
    }
    return run.now().plusSeconds(value.longValue());
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
