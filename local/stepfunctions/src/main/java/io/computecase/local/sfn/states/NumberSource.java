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

  /**
   * The value for this run where only a whole number of at least zero makes sense (MaxConcurrency):
   * a fraction or a negative number fails the state with States.Runtime, as a value that is not a
   * number does.
   */
  public long resolveCount(QueryScope scope) {
    double value = resolve(scope);
    if (value < 0 || value != Math.rint(value) || value > Integer.MAX_VALUE) {
      throw new QueryException(
          "States.Runtime",
          "The value for the field '"
              + (path != null ? field + "Path" : field)
              + "' must be a non-negative integer, but the "
              + (path != null ? "path '" + path + "'" : "expression '" + jsonata + "'")
              + " returned "
              + (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value))
              + ".");
    }
    return (long) value;
  }
}
