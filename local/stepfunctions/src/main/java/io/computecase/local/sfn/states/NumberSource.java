package io.computecase.local.sfn.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.eval.Evaluation;
import io.computecase.local.sfn.query.QueryException;
import io.computecase.local.sfn.query.QueryScope;

/**
 * A numeric field that may be written as a literal, a JSONPath ({@code ...Path} variant) or a
 * JSONata expression, resolved when the state runs (TimeoutSeconds, MaxConcurrency, ...).
 */
public record NumberSource(String field, Double literal, String path, String jsonata) {

  public static NumberSource literal(String field, double value) {
    return new NumberSource(field, value, null, null);
  }

  /** The value for this run; AWS fails the state with States.Runtime when it is not a number. */
  public double resolve(QueryScope scope) {
    if (literal != null) {
      return literal;
    }
    JsonNode value =
        path != null ? Evaluation.select(path, scope) : Evaluation.jsonata(jsonata, scope);
    if (value == null || !value.isNumber()) {
      throw new QueryException(
          "States.Runtime",
          "The value for the field '"
              + field
              + "' must be a number, but the "
              + (path != null ? "path '" + path + "'" : "expression '" + jsonata + "'")
              + " returned "
              + (value == null ? "nothing" : value.toString())
              + ".");
    }
    return value.doubleValue();
  }
}
