package io.computecase.local.sfn.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.query.JsonPaths;
import io.computecase.local.sfn.query.Jsonata;
import io.computecase.local.sfn.query.PayloadTemplate;
import io.computecase.local.sfn.query.QueryScope;

/**
 * The engine's one door to the query languages (JSONPath paths and payload templates, JSONata
 * expressions and templates), so the execution code reads as ASL's pipeline, not as library calls.
 */
public final class Evaluation {
  private Evaluation() {}

  /** True for a string written as a JSONata expression, {@code "{% ... %}"}. */
  public static boolean isJsonata(JsonNode value) {
    return value != null && Jsonata.isExpression(value);
  }

  /** Evaluates one {@code {% %}} expression. */
  public static JsonNode jsonata(String expression, QueryScope scope) {
    return Jsonata.evaluate(expression, scope);
  }

  /** Evaluates one {@code {% %}} expression written in the named field (named in errors). */
  public static JsonNode jsonata(String expression, QueryScope scope, String field) {
    return Jsonata.evaluate(expression, scope, field);
  }

  /** Evaluates every {@code {% %}} string in a JSON template (Arguments, Output, Assign...). */
  public static JsonNode jsonataTemplate(JsonNode template, QueryScope scope, String field) {
    return Jsonata.evaluateTemplate(template, scope, field);
  }

  /**
   * Selects with a JSONPath ({@code $...} input, {@code $$...} context, {@code $name} variable).
   */
  public static JsonNode select(String path, QueryScope scope) {
    return JsonPaths.select(path, scope);
  }

  /** Places a result into a copy of the input at a ResultPath (null path: keep the input). */
  public static JsonNode applyResultPath(JsonNode input, String resultPath, JsonNode result) {
    return JsonPaths.applyResultPath(input, resultPath, result);
  }

  /** Evaluates a JSONPath payload template (Parameters, ItemSelector, ResultSelector, Assign). */
  public static JsonNode payloadTemplate(JsonNode template, QueryScope scope) {
    return PayloadTemplate.evaluate(template, scope);
  }
}
