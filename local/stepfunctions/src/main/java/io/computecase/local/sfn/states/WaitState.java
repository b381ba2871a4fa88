package io.computecase.local.sfn.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.eval.Evaluation;
import io.computecase.local.sfn.execution.StateFailure;
import io.computecase.local.sfn.execution.StateRun;
import io.computecase.local.sfn.query.QueryScope;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;

/** Wait: delays for Seconds or until Timestamp (literal, Path or JSONata), on the engine clock. */
public final class WaitState extends State {
  private final JsonNode seconds;
  private final JsonNode timestamp;
  private final String secondsPath;
  private final String timestampPath;

  public WaitState(
      StateFields fields,
      JsonNode seconds,
      JsonNode timestamp,
      String secondsPath,
      String timestampPath) {
    super(fields);
    this.seconds = seconds;
    this.timestamp = timestamp;
    this.secondsPath = secondsPath;
    this.timestampPath = timestampPath;
  }

  @Override
  public CompletableFuture<Transition> run(StateRun run) {
    QueryScope scope = run.scope(fields().jsonata() ? run.input() : run.pathInput());
    Instant due = due(run, scope);
    Transition through = run.passThrough();
    return run.delayUntil(due).thenApply(ignored -> through);
  }

  private Instant due(StateRun run, QueryScope scope) {
    JsonNode value;
    boolean isSeconds;
    if (secondsPath != null) {
      value = Evaluation.select(secondsPath, scope);
      isSeconds = true;
    } else if (timestampPath != null) {
      value = Evaluation.select(timestampPath, scope);
      isSeconds = false;
    } else if (seconds != null) {
      value =
          Evaluation.isJsonata(seconds) ? Evaluation.jsonata(seconds.textValue(), scope) : seconds;
      isSeconds = true;
    } else {
      value =
          Evaluation.isJsonata(timestamp)
              ? Evaluation.jsonata(timestamp.textValue(), scope)
              : timestamp;
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
