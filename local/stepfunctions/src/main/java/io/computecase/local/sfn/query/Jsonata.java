package io.computecase.local.sfn.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The JSONata query language of ASL: "{% ... %}" strings evaluated with {@code $states} (input,
 * context, and result or errorOutput when present) and every workflow variable bound.
 */
public final class Jsonata {
  private static final String OPEN = "{%";
  private static final String CLOSE = "%}";

  private Jsonata() {}

  /** True for a string written as a JSONata expression: "{% ... %}". */
  public static boolean isExpression(JsonNode value) {
    return value != null && value.isTextual() && isExpression(value.textValue());
  }

  /** True for a string written as a JSONata expression: "{% ... %}". */
  public static boolean isExpression(String text) {
    if (text == null) {
      return false;
    }
    // As on AWS, only a string that starts with "{%" and ends with "%}" is an expression.
    return text.length() >= 4 && text.startsWith(OPEN) && text.endsWith(CLOSE);
  }

  /** Evaluates "{% expr %}"; fails with States.QueryEvaluationError on an error or on nothing. */
  public static JsonNode evaluate(String expression, QueryScope scope) {
    return evaluate(expression, scope, null);
  }

  /**
   * Evaluates "{% expr %}" written in {@code field} (e.g. "Output/v", "Choices[0]/Condition"),
   * which AWS names in the cause; null when the caller has no field to name.
   */
  public static JsonNode evaluate(String expression, QueryScope scope, String field) {
    return evaluate(expression, new JsonataBindings(scope), field);
  }

  private static JsonNode evaluate(String expression, JsonataBindings scope, String field) {
    JsonataProgram program = program(body(expression), field);
    JsonNode read = program.readDirectly(scope.scope());
    if (read != null) {
      return read;
    }
    Object value = run(program, scope, field);
    if (value == JsonataProgram.UNDEFINED) {
      throw new QueryException(
          QueryException.QUERY_EVALUATION_ERROR,
          sentence(body(expression), field) + " returned nothing (undefined).");
    }
    try {
      return JsonataValues.toNode(value);
    } catch (IllegalArgumentException e) {
      throw new QueryException(
          QueryException.QUERY_EVALUATION_ERROR,
          sentence(body(expression), field)
              + " threw an error during evaluation: "
              + e.getMessage());
    }
  }

  /**
   * The engine's own value (Java types, or UNDEFINED); used where a boolean or a raw value is
   * needed.
   */
  static Object evaluateRaw(String expression, QueryScope scope, String field) {
    return evaluateRaw(expression, new JsonataBindings(scope), field);
  }

  private static Object evaluateRaw(String expression, JsonataBindings scope, String field) {
    return run(program(body(expression), field), scope, field);
  }

  private static JsonataProgram program(String source, String field) {
    try {
      return JsonataProgram.of(source);
    } catch (RuntimeException e) {
      throw new QueryException(
          QueryException.QUERY_EVALUATION_ERROR,
          sentence(source, field) + " could not be parsed" + JsonataFailures.tail(e));
    }
  }

  private static Object run(JsonataProgram program, JsonataBindings scope, String field) {
    try {
      return program.evaluate(scope);
    } catch (RuntimeException | StackOverflowError e) {
      throw new QueryException(
          QueryException.QUERY_EVALUATION_ERROR,
          sentence(program.source(), field)
              + " threw an error during evaluation"
              + JsonataFailures.tail(e));
    }
  }

  /**
   * Evaluates every "{% %}" string inside {@code template} (objects and arrays, however deep);
   * every other value is kept as written. Used for Arguments, Output, Assign and the like.
   */
  public static JsonNode evaluateTemplate(JsonNode template, QueryScope scope) {
    return evaluateTemplate(template, scope, null);
  }

  /**
   * As {@link #evaluateTemplate(JsonNode, QueryScope)}, naming nested fields "field/key/[i]" in
   * causes.
   */
  public static JsonNode evaluateTemplate(JsonNode template, QueryScope scope, String field) {
    return evaluateTemplate(template, new JsonataBindings(scope), field);
  }

  private static JsonNode evaluateTemplate(JsonNode template, JsonataBindings scope, String field) {
    if (template == null) {
      return null;
    }
    if (template.isTextual()) {
      return isExpression(template.textValue())
          ? evaluate(template.textValue(), scope, field)
          : template;
    }
    if (template.isObject()) {
      ObjectNode result = JsonNodeFactory.instance.objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> entry = fields.next();
        String nested = field == null ? entry.getKey() : field + "/" + entry.getKey();
        result.set(entry.getKey(), evaluateTemplate(entry.getValue(), scope, nested));
      }
      return result;
    }
    if (template.isArray()) {
      ArrayNode result = JsonNodeFactory.instance.arrayNode(template.size());
      for (int i = 0; i < template.size(); i++) {
        String nested = (field == null ? "" : field) + "[" + i + "]";
        result.add(evaluateTemplate(template.get(i), scope, nested));
      }
      return result;
    }
    return template;
  }

  /**
   * Evaluates a field that must give a JSON array (a Map's Items): an expression, or a literal
   * array whose {@code {% %}} elements are each evaluated. Any other result fails with
   * States.QueryEvaluationError naming the field.
   */
  public static JsonNode evaluateArray(JsonNode template, QueryScope scope, String field) {
    JsonNode value = evaluateTemplate(template, scope, field);
    if (value != null && value.isArray()) {
      return value;
    }
    String source =
        template.isTextual() && isExpression(template.textValue())
            ? body(template.textValue())
            : template.toString();
    throw new QueryException(
        QueryException.QUERY_EVALUATION_ERROR,
        sentence(source, field)
            + " returned "
            + JsonValues.describe(value)
            + ", but the field must be a JSON array.");
  }

  /** Why "{% expr %}" does not parse, or empty when it does. */
  public static Optional<String> validate(String expression) {
    if (!isExpression(expression)) {
      return Optional.of(
          "The value '" + expression + "' is not a JSONata expression: write it as {% ... %}");
    }
    try {
      JsonataProgram.of(body(expression));
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(
          "The JSONata expression '"
              + body(expression)
              + "' could not be parsed"
              + JsonataFailures.tail(e));
    }
  }

  /** The expression between the delimiters, trimmed. */
  public static String body(String expression) {
    String trimmed = expression.trim();
    if (trimmed.startsWith(OPEN) && trimmed.endsWith(CLOSE) && trimmed.length() >= 4) {
      return trimmed.substring(OPEN.length(), trimmed.length() - CLOSE.length()).trim();
    }
    return trimmed;
  }

  private static String sentence(String source, String field) {
    return "The JSONata expression '"
        + source
        + "'"
        + (field == null ? "" : " specified for the field '" + field + "'");
  }
}
