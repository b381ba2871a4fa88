package io.computecase.local.sfn.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.query.Intrinsics;
import io.computecase.local.sfn.query.JsonPaths;
import io.computecase.local.sfn.query.Jsonata;
import io.computecase.local.sfn.query.PayloadTemplate;
import io.computecase.local.sfn.states.NumberSource;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/** Reads typed fields of a state, reporting a malformed one as a diagnostic at its location. */
final class FieldReader {
  private final Diagnostics diagnostics;

  FieldReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  boolean isJsonata(JsonNode value) {
    return value != null && value.isTextual() && Jsonata.isExpression(value.textValue());
  }

  /** A Path field: its text, or null when absent. */
  String path(JsonNode node, String field, String location) {
    JsonNode value = node.get(field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      diagnostics.schema(
          "The value for the field '" + field + "' must be a STRING", location + "/" + field);
      return null;
    }
    report(JsonPaths.validatePath(value.asText()), field, location);
    return value.asText();
  }

  /**
   * A Path field that may instead call an intrinsic function (a Fail state's ErrorPath and
   * CausePath): its text, or null when absent.
   */
  String pathOrIntrinsic(JsonNode node, String field, String location) {
    JsonNode value = node.get(field);
    if (value != null && value.isTextual() && Intrinsics.isIntrinsic(value.textValue())) {
      Intrinsics.validate(value.textValue())
          .ifPresent(
              problem ->
                  diagnostics.schema(
                      "The value for the field '"
                          + field
                          + "' must be a valid JSONPath or a valid intrinsic function call: "
                          + problem,
                      location + "/" + field));
      return value.textValue();
    }
    return path(node, field, location);
  }

  /** InputPath/OutputPath: "$" when absent, null when set to JSON null (AWS: empty object). */
  String pathOrDefault(JsonNode node, String field, String location) {
    JsonNode value = node.get(field);
    if (value == null) {
      return "$";
    }
    if (value.isNull()) {
      return null;
    }
    return path(node, field, location);
  }

  /** ResultPath: "$" when absent, null when JSON null (discard the result). */
  String referencePathOrDefault(JsonNode node, String field, String location) {
    JsonNode value = node.get(field);
    if (value == null) {
      return "$";
    }
    if (value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      diagnostics.schema(
          "The value for the field '" + field + "' must be a STRING", location + "/" + field);
      return "$";
    }
    report(JsonPaths.validateReferencePath(value.asText()), field, location);
    return value.asText();
  }

  /** A JSONPath payload template (Parameters, ResultSelector, ItemSelector, Assign). */
  void template(JsonNode node, String field, String location) {
    JsonNode value = node.get(field);
    if (value == null) {
      return;
    }
    for (String problem : PayloadTemplate.validate(value)) {
      diagnostics.fromQuery(problem, location + "/" + field);
    }
  }

  /** Checks every {% %} expression of a JSONata template. */
  void jsonataTemplate(JsonNode node, String field, String location) {
    JsonNode value = node.get(field);
    if (value != null) {
      checkJsonata(value, location + "/" + field);
    }
  }

  private void checkJsonata(JsonNode value, String location) {
    if (isJsonata(value)) {
      Jsonata.validate(value.textValue())
          .ifPresent(problem -> diagnostics.schema(problem, location));
    } else if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        checkJsonata(entry.getValue(), location + "/" + entry.getKey());
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        checkJsonata(value.get(i), location + "/" + i);
      }
    }
  }

  /** A number written literally, as {@code <field>Path}, or as JSONata; null when absent. */
  NumberSource number(JsonNode node, String field, String location, double minimum) {
    JsonNode literal = node.get(field);
    String path = path(node, field + "Path", location);
    if (literal != null && path != null) {
      diagnostics.schema(
          "The fields '" + field + "' and '" + field + "Path' cannot both be set",
          location + "/" + field);
      return null;
    }
    if (path != null) {
      return new NumberSource(field, null, path, null);
    }
    if (literal == null) {
      return null;
    }
    if (isJsonata(literal)) {
      Jsonata.validate(literal.textValue())
          .ifPresent(problem -> diagnostics.schema(problem, location + "/" + field));
      return new NumberSource(field, null, null, literal.textValue());
    }
    if (!literal.isNumber() || literal.asDouble() < minimum) {
      diagnostics.schema(
          "The value for the field '"
              + field
              + "' must be a number greater than or equal to "
              + (long) minimum,
          location + "/" + field);
      return null;
    }
    return NumberSource.literal(field, literal.asDouble());
  }

  private void report(Optional<String> problem, String field, String location) {
    problem.ifPresent(p -> diagnostics.schema(p, location + "/" + field));
  }
}
