package io.computecase.local.kube.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A CRD schema's {@code x-kubernetes-validations}, run with Google's CEL as the API server runs
 * them: each rule sees the value at its schema node as {@code self}; a transition rule (one that
 * names {@code oldSelf}) runs only on an update of a value that existed before. A rule that does
 * not hold becomes a field cause with the rule's reason and message.
 */
final class CelRules {

  private static final CelCompiler COMPILER =
      CelCompilerFactory.standardCelCompilerBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addLibraries(CelExtensions.strings())
          .addVar("self", SimpleType.DYN)
          .addVar("oldSelf", SimpleType.DYN)
          .build();
  private static final CelRuntime RUNTIME =
      CelRuntimeFactory.standardCelRuntimeBuilder().addLibraries(CelExtensions.strings()).build();

  /** Compiled programs by rule text: a CRD's rules are compiled once, not per request. */
  private final Map<String, Compiled> programs = new ConcurrentHashMap<>();

  private record Compiled(CelRuntime.Program program, boolean transition, String error) {}

  /** Whether the schema holds any rule, anywhere below it. */
  static boolean hasRules(JsonNode schema) {
    if (schema.has("x-kubernetes-validations")) {
      return true;
    }
    for (String nested : new String[] {"properties", "additionalProperties", "items"}) {
      JsonNode child = schema.path(nested);
      if (nested.equals("properties")) {
        for (JsonNode property : child) {
          if (hasRules(property)) {
            return true;
          }
        }
      } else if (child.isObject() && hasRules(child)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds a cause to {@code invalid} for every rule under {@code schema} that {@code value} breaks.
   */
  void check(JsonNode schema, JsonNode value, JsonNode old, String path, List<Cause> invalid) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return;
    }
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      checkRule(rule, value, old, path, invalid);
    }
    if (value.isObject()) {
      JsonNode properties = schema.path("properties");
      value
          .fields()
          .forEachRemaining(
              field -> {
                JsonNode fieldSchema = properties.get(field.getKey());
                if (fieldSchema == null && schema.path("additionalProperties").isObject()) {
                  fieldSchema = schema.get("additionalProperties");
                }
                if (fieldSchema != null) {
                  check(
                      fieldSchema,
                      field.getValue(),
                      old == null ? null : old.get(field.getKey()),
                      path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
                      invalid);
                }
              });
    } else if (value.isArray() && schema.has("items")) {
      // an element has no old value to compare with unless the list is keyed; none of ours is
      for (int i = 0; i < value.size(); i++) {
        check(schema.get("items"), value.get(i), null, path + "[" + i + "]", invalid);
      }
    }
  }

  private void checkRule(
      JsonNode rule, JsonNode value, JsonNode old, String path, List<Cause> invalid) {
    String text = rule.path("rule").asText("");
    Compiled compiled = programs.computeIfAbsent(text, CelRules::compile);
    String field = path + rule.path("fieldPath").asText("");
    if (compiled.error() != null) {
      invalid.add(
          new Cause(
              field, "FieldValueInvalid", "Invalid value: \"" + text + "\": " + compiled.error()));
      return;
    }
    if (compiled.transition() && (old == null || old.isNull() || old.isMissingNode())) {
      return;
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("self", java(value));
    if (compiled.transition()) {
      variables.put("oldSelf", java(old));
    }
    Object result;
    try {
      result = compiled.program().eval(variables);
    } catch (CelEvaluationException e) {
      invalid.add(
          new Cause(
              field,
              "FieldValueInvalid",
              "Invalid value: \"" + SchemaValidator.typeOf(value) + "\": " + e.getMessage()));
      return;
    }
    if (Boolean.TRUE.equals(result)) {
      return;
    }
    String message = rule.path("message").asText("");
    if (message.isEmpty()) {
      message = "failed rule: " + text;
    }
    String reason = rule.path("reason").asText("FieldValueInvalid");
    invalid.add(new Cause(field, reason, describe(reason, value, message)));
  }

  /** The text the API server gives each reason (field.Error's), before the rule's message. */
  private static String describe(String reason, JsonNode value, String message) {
    return switch (reason) {
      case "FieldValueForbidden" -> "Forbidden: " + message;
      case "FieldValueRequired" -> "Required value: " + message;
      case "FieldValueDuplicate" -> "Duplicate value: " + message;
      default -> "Invalid value: " + message;
    };
  }

  private static Compiled compile(String rule) {
    try {
      CelAbstractSyntaxTree ast = COMPILER.compile(rule).getAst();
      // as the API server decides: a rule whose checked tree refers to oldSelf is a transition rule
      boolean transition =
          ast.getReferenceMap().values().stream().anyMatch(r -> r.name().equals("oldSelf"));
      return new Compiled(RUNTIME.createProgram(ast), transition, null);
    } catch (CelValidationException | CelEvaluationException e) {
      return new Compiled(null, false, "compilation failed: " + e.getMessage());
    }
  }

  /** JSON as CEL's runtime takes it: maps, lists, longs, doubles, strings and booleans. */
  private static Object java(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields()
          .forEachRemaining(
              e -> {
                if (!e.getValue().isNull()) {
                  map.put(e.getKey(), java(e.getValue()));
                }
              });
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(n -> list.add(java(n)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    return node.asText();
  }
}
