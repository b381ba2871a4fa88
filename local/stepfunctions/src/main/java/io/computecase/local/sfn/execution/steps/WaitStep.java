package io.computecase.local.sfn.execution.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.eval.Evaluation;
import io.computecase.local.sfn.execution.StateFailure;
import io.computecase.local.sfn.execution.StateRun;
import io.computecase.local.sfn.execution.Transition;
import io.computecase.local.sfn.query.QueryScope;
import io.computecase.local.sfn.states.WaitState;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;

/** Runs a Wait state: delays for Seconds or until Timestamp, on the engine clock. */
final class WaitStep {
  private WaitStep() {}

  static CompletableFuture<Transition> run(WaitState state, StateRun run) {
    QueryScope scope = run.scope(state.fields().jsonata() ? run.input() : run.pathInput());
    Instant due = due(state, run, scope);
    Transition through = run.passThrough();
    return run.delayUntil(due).thenApply(ignored -> through);
  }

  private static Instant due(WaitState state, StateRun run, QueryScope scope) {
    JsonNode value;
    boolean isSeconds;
    if (state.secondsPath() != null) {
      value = Evaluation.select(state.secondsPath(), scope);
      isSeconds = true;
    } else if (state.timestampPath() != null) {
      value = Evaluation.select(state.timestampPath(), scope);
      isSeconds = false;
    } else if (state.seconds() != null) {
      value =
          Evaluation.isJsonata(state.seconds())
              ? Evaluation.jsonata(state.seconds().textValue(), scope)
              : state.seconds();
      isSeconds = true;
    } else {
      value =
          Evaluation.isJsonata(state.timestamp())
              ? Evaluation.jsonata(state.timestamp().textValue(), scope)
              : state.timestamp();
      isSeconds = false;
    }
    if (isSeconds) {
      if (value == null || !value.isIntegralNumber() || value.asLong() < 0) {
        throw new StateFailure(
            "States.Runtime",
            "The SecondsPath parameter does not reference a valid non-negative integer value: "
                + value);
      }
      return run.now().plusSeconds(value.asLong());
    }
    if (value == null || !value.isTextual()) {
      throw new StateFailure(
          "States.Runtime",
          "The TimestampPath parameter does not reference a valid ISO-8601 extended offset"
              + " date-time format string: "
              + value);
    }
    try {
      return Instant.parse(value.textValue());
    } catch (DateTimeParseException e) {
      try {
        return java.time.OffsetDateTime.parse(value.textValue()).toInstant();
      } catch (DateTimeParseException again) {
        throw new StateFailure(
            "States.Runtime",
            "The TimestampPath parameter does not reference a valid ISO-8601 extended offset"
                + " date-time format string: "
                + value);
      }
    }
  }
}
