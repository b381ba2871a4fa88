package io.computecase.local.sfn.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What an expression may read while a state runs: the effective input, the context object ($$ or
 * $states.context), the workflow variables in scope, and, after the work is done, the result or the
 * error output. {@code result} and {@code errorOutput} may be null.
 */
public record QueryScope(
    JsonNode input,
    JsonNode context,
    Map<String, JsonNode> variables,
    JsonNode result,
    JsonNode errorOutput) {

  public QueryScope {
    variables = variables == null ? Map.of() : variables;
  }

  /** A scope before the state's work: no result and no error output yet. */
  public static QueryScope of(JsonNode input, JsonNode context, Map<String, JsonNode> variables) {
    return new QueryScope(input, context, variables, null, null);
  }

  /** The same scope once the state's work produced {@code newResult}. */
  public QueryScope withResult(JsonNode newResult) {
    return new QueryScope(input, context, variables, newResult, errorOutput);
  }

  /** The same scope once a caught error produced {@code newErrorOutput}. */
  public QueryScope withErrorOutput(JsonNode newErrorOutput) {
    return new QueryScope(input, context, variables, result, newErrorOutput);
  }
}
