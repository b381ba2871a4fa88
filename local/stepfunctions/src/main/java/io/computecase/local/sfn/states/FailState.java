package io.computecase.local.sfn.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.eval.Evaluation;
import io.computecase.local.sfn.execution.StateFailure;
import io.computecase.local.sfn.execution.StateRun;
import io.computecase.local.sfn.query.QueryScope;
import java.util.concurrent.CompletableFuture;

/** Fail: ends the execution with an error and cause, fixed or computed. */
public final class FailState extends State {
  private final JsonNode error;
  private final JsonNode cause;
  private final String errorPath;
  private final String causePath;

  public FailState(
      StateFields fields, JsonNode error, JsonNode cause, String errorPath, String causePath) {
    super(fields);
    this.error = error;
    this.cause = cause;
    this.errorPath = errorPath;
    this.causePath = causePath;
  }

  @Override
  public CompletableFuture<Transition> run(StateRun run) {
    QueryScope scope = run.scope(run.input());
    String errorText = text(error, errorPath, scope, "Error");
    String causeText = text(cause, causePath, scope, "Cause");
    return CompletableFuture.failedFuture(new StateFailure(errorText, causeText));
  }

  @Override
  public boolean recordsExit() {
    return false;
  }

  private String text(JsonNode literal, String path, QueryScope scope, String field) {
    JsonNode value;
    if (path != null) {
      value = Evaluation.select(path, scope);
    } else if (Evaluation.isJsonata(literal)) {
      value = Evaluation.jsonata(literal.textValue(), scope);
    } else {
      value = literal;
    }
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new StateFailure(
          "States.Runtime",
          "The value of the field '" + field + "' must be a string, but was " + value);
    }
    return value.textValue();
  }
}
