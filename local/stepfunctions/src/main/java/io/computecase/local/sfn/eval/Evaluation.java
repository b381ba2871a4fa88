package io.computecase.local.sfn.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.query.Intrinsics;
import io.computecase.local.sfn.query.JsonPaths;
import io.computecase.local.sfn.query.Jsonata;
import io.computecase.local.sfn.query.PayloadTemplate;
import io.computecase.local.sfn.query.QueryScope;
import io.computecase.local.sfn.query.Timestamps;
import java.time.Instant;

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
   * Evaluates a JSONata field that must give a JSON array (a Map's Items), evaluating each {@code
   * {% %}} element of a literal array.
   */
  public static JsonNode jsonataArray(JsonNode template, QueryScope scope, String field) {
    return Jsonata.evaluateArray(template, scope, field);
  }

  /** The expression of a {@code "{% ... %}"} string, between the delimiters, as causes quote it. */
  public static String jsonataBody(String expression) {
    return Jsonata.body(expression);
  }

  /**
   * The instant an ASL timestamp names (RFC 3339 with an uppercase T and Z, or an offset); null for
   * anything else.
   */
  public static Instant timestamp(JsonNode value) {
    return Timestamps.parse(value);
  }

  /**
   * A Path or, where a field takes either (a Fail state's ErrorPath and CausePath), an intrinsic
   * function call.
   */
  public static JsonNode selectOrCall(String pathOrIntrinsic, QueryScope scope) {
    return Intrinsics.isIntrinsic(pathOrIntrinsic)
        ? Intrinsics.evaluate(pathOrIntrinsic, scope)
        : JsonPaths.select(pathOrIntrinsic, scope);
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
