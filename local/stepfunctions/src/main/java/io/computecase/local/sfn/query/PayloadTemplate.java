package io.computecase.local.sfn.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Payload templates of JSONPath states (Parameters, ItemSelector, ResultSelector, Assign): a field
 * whose name ends in ".$" takes the value its Path or intrinsic selects, under the name without the
 * suffix; every other value is copied as written. Nested objects and arrays are processed too.
 */
public final class PayloadTemplate {
  private static final String DYNAMIC = ".$";

  private PayloadTemplate() {}

  /**
   * Builds the payload. A Path that matches nothing fails with States.Runtime and AWS's cause: "The
   * JSONPath '$.x' specified for the field 'x.$' could not be found in the input '...'".
   */
  public static JsonNode evaluate(JsonNode template, QueryScope scope) {
    if (template == null) {
      return null;
    }
    if (template.isObject()) {
      ObjectNode result = JsonNodeFactory.instance.objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String name = field.getKey();
        if (name.endsWith(DYNAMIC) && field.getValue().isTextual()) {
          String key = name.substring(0, name.length() - DYNAMIC.length());
          result.set(key, dynamicValue(name, field.getValue().textValue(), scope));
        } else {
          result.set(name, evaluate(field.getValue(), scope));
        }
      }
      return result;
    }
    if (template.isArray()) {
      ArrayNode result = JsonNodeFactory.instance.arrayNode(template.size());
      for (JsonNode element : template) {
        result.add(evaluate(element, scope));
      }
      return result;
    }
    return template;
  }

  private static JsonNode dynamicValue(String field, String expression, QueryScope scope) {
    if (Intrinsics.isIntrinsic(expression)) {
      return Intrinsics.evaluate(expression, scope);
    }
    try {
      return JsonPaths.select(expression, scope);
    } catch (QueryException e) {
      if (!QueryException.RUNTIME.equals(e.error())) {
        throw e;
      }
      JsonNode searched = expression.startsWith("$$") ? scope.context() : scope.input();
      throw new QueryException(
          QueryException.RUNTIME,
          "The JSONPath '"
              + expression
              + "' specified for the field '"
              + field
              + "' could not be found in the input '"
              + (searched == null ? "null" : searched.toString())
              + "'");
    }
  }

  /**
   * The problems of a template, each naming the field: a ".$" field whose value is not a string, or
   * is neither a valid Path nor a valid intrinsic invocation. Empty when the template is valid.
   */
  public static List<String> validate(JsonNode template) {
    List<String> problems = new ArrayList<>();
    validate(template, "", problems);
    return problems;
  }

  private static void validate(JsonNode template, String location, List<String> problems) {
    if (template == null) {
      return;
    }
    if (template.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String name = field.getKey();
        String here = location + "/" + name;
        if (name.endsWith(DYNAMIC)) {
          JsonNode value = field.getValue();
          if (!value.isTextual()) {
            problems.add(
                "The value for the field '"
                    + name
                    + "' must be a STRING that contains a JSONPath or an intrinsic function, at "
                    + here);
            continue;
          }
          String expression = value.textValue();
          if (Intrinsics.isIntrinsic(expression)) {
            Intrinsics.validate(expression)
                .ifPresent(
                    problem ->
                        problems.add(
                            "The value for the field '"
                                + name
                                + "' must be a valid intrinsic function call: "
                                + problem
                                + ", at "
                                + here));
          } else {
            JsonPaths.validatePath(expression)
                .ifPresent(
                    problem ->
                        problems.add(
                            "The value for the field '"
                                + name
                                + "' must be a valid JSONPath or a valid intrinsic function call: "
                                + problem
                                + ", at "
                                + here));
          }
        } else {
          validate(field.getValue(), here, problems);
        }
      }
    } else if (template.isArray()) {
      for (int i = 0; i < template.size(); i++) {
        validate(template.get(i), location + "/" + i, problems);
      }
    }
  }
}
