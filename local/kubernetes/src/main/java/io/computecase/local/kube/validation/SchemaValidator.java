package io.computecase.local.kube.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.kube.discovery.ResourceType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an object against its CRD's structural schema the way the API server does: wrong types,
 * missing required fields, enum and range violations are 422 Invalid; unknown fields are pruned, or
 * rejected with 400 under fieldValidation=Strict (kubectl's default).
 */
public final class SchemaValidator {

  private final CelRules rules = new CelRules();

  /** Errors after which the API server does not run the CEL rules (a value of the wrong shape). */
  private static final Set<String> BLOCKS_RULES =
      Set.of(
          "FieldValueTypeInvalid",
          "FieldValueRequired",
          "FieldValueNotSupported",
          "FieldValueTooLong",
          "FieldValueTooMany");

  /** The fields of ObjectMeta (meta/v1), every one a custom resource's metadata may have. */
  private static final Set<String> OBJECT_META_FIELDS =
      Set.of(
          "name",
          "generateName",
          "namespace",
          "selfLink",
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "labels",
          "annotations",
          "ownerReferences",
          "finalizers",
          "managedFields");

  /**
   * Validates (and prunes) a new {@code object} in place; throws when the server would reject it.
   */
  public void validate(ResourceType type, JsonNode object, String fieldValidation) {
    validate(type, object, null, fieldValidation);
  }

  /**
   * Validates (and prunes) {@code object} in place, as an update of {@code old} when that is given
   * (transition rules compare the two); throws when the server would reject it.
   */
  public void validate(ResourceType type, JsonNode object, JsonNode old, String fieldValidation) {
    String objectName = object.path("metadata").path("name").asText("");
    if (!objectName.isEmpty()) {
      ObjectNames.check(type.kind(), objectName)
          .ifPresent(
              cause -> {
                throw new InvalidObjectException(
                    422,
                    "Invalid",
                    qualifiedKind(type)
                        + " \""
                        + objectName
                        + "\" is invalid: "
                        + cause.field()
                        + ": "
                        + cause.message(),
                    type.kind(),
                    objectName,
                    List.of(cause));
              });
    }
    if (type.kind().equals("CustomResourceDefinition")) {
      CrdValidator.validate(object);
      CrdValidator.markServed(object);
    }
    if (type.schema() == null || !object.isObject()) {
      return;
    }
    List<String> unknown = new ArrayList<>();
    List<Cause> invalid = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    JsonNode properties = type.schema().path("properties");
    List<String> pruned = new ArrayList<>();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      if (name.equals("apiVersion") || name.equals("kind") || name.equals("metadata")) {
        continue;
      }
      JsonNode schema = properties.get(name);
      if (schema == null) {
        if (!type.schema().path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
          unknown.add(name);
          pruned.add(name);
        }
        continue;
      }
      check(schema, field.getValue(), name, unknown, invalid);
    }
    // ObjectMeta is no free-form object either: its unknown fields are pruned, or refused if Strict
    JsonNode metadata = object.get("metadata");
    if (metadata != null && metadata.isObject()) {
      List<String> unknownMeta = new ArrayList<>();
      metadata
          .fieldNames()
          .forEachRemaining(
              f -> {
                if (!OBJECT_META_FIELDS.contains(f)) {
                  unknownMeta.add(f);
                }
              });
      unknownMeta.forEach(f -> unknown.add("metadata." + f));
      if (!"Strict".equalsIgnoreCase(fieldValidation)) {
        unknownMeta.forEach(((ObjectNode) metadata)::remove);
      }
    }
    requireFields(type.schema(), object, "", invalid);
    if (invalid.stream().noneMatch(c -> BLOCKS_RULES.contains(c.reason()))) {
      // CEL rules see values of the schema's types only, so they run on a well-typed object
      rules.check(type.schema(), object, old, "", invalid);
    } else if (CelRules.hasRules(type.schema())) {
      // what the API server adds when it skipped the rules of an object invalid by its schema
      invalid.add(
          new Cause(
              "<nil>",
              "FieldValueInvalid",
              "Invalid value: null: some validation rules were not checked because the object was"
                  + " invalid; correct the existing errors to complete validation"));
    }
    String name = object.path("metadata").path("name").asText("");
    if (!invalid.isEmpty()) {
      List<String> messages = invalid.stream().map(c -> c.field() + ": " + c.message()).toList();
      throw new InvalidObjectException(
          422,
          "Invalid",
          type.kind()
              + "."
              + type.group()
              + " \""
              + name
              + "\" is invalid: "
              + String.join(", ", messages),
          type.kind(),
          name,
          invalid);
    }
    if (!unknown.isEmpty() && "Strict".equalsIgnoreCase(fieldValidation)) {
      List<String> quoted = unknown.stream().map(f -> "unknown field \"" + f + "\"").toList();
      throw new InvalidObjectException(
          400,
          "BadRequest",
          type.kind()
              + " in version \""
              + type.version()
              + "\" cannot be handled as a "
              + type.kind()
              + ": strict decoding error: "
              + String.join(", ", quoted),
          type.kind(),
          name,
          List.of());
    }
    pruned.forEach(((ObjectNode) object)::remove);
  }

  private void check(
      JsonNode schema, JsonNode value, String path, List<String> unknown, List<Cause> invalid) {
    if (value.isNull()) {
      if (!schema.path("nullable").asBoolean(false)) {
        invalid.add(
            new Cause(
                path,
                "FieldValueTypeInvalid",
                "Invalid value: \"null\": "
                    + path
                    + " in body must be of type "
                    + schema.path("type").asText("object")
                    + ": \"null\""));
      }
      return;
    }
    String expected = schema.path("type").asText("");
    if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
      if (!value.isTextual() && !value.isIntegralNumber()) {
        invalid.add(
            new Cause(
                path,
                "FieldValueTypeInvalid",
                "Invalid value: "
                    + value
                    + ": "
                    + path
                    + " in body must be of type integer or string"));
      }
      return;
    }
    if (!expected.isEmpty() && !hasType(value, expected)) {
      invalid.add(
          new Cause(
              path,
              "FieldValueTypeInvalid",
              "Invalid value: \""
                  + typeOf(value)
                  + "\": "
                  + path
                  + " in body must be of type "
                  + expected
                  + ": \""
                  + typeOf(value)
                  + "\""));
      return;
    }
    JsonNode allowed = schema.get("enum");
    if (allowed != null && allowed.isArray() && !contains(allowed, value)) {
      List<String> values = new ArrayList<>();
      allowed.forEach(v -> values.add(v.toString()));
      invalid.add(
          new Cause(
              path,
              "FieldValueNotSupported",
              "Unsupported value: " + value + ": supported values: " + String.join(", ", values)));
    }
    if (value.isNumber()
        && schema.has("minimum")
        && value.asDouble() < schema.get("minimum").asDouble()) {
      invalid.add(
          new Cause(
              path,
              "FieldValueInvalid",
              "Invalid value: "
                  + value
                  + ": "
                  + path
                  + " in body should be greater than or equal to "
                  + schema.get("minimum")));
    }
    if (value.isNumber()
        && schema.has("maximum")
        && value.asDouble() > schema.get("maximum").asDouble()) {
      invalid.add(
          new Cause(
              path,
              "FieldValueInvalid",
              "Invalid value: "
                  + value
                  + ": "
                  + path
                  + " in body should be less than or equal to "
                  + schema.get("maximum")));
    }
    if (value.isTextual()) {
      checkString(schema, value.asText(), path, invalid);
    }
    if (value.isArray()) {
      checkItemCount(schema, value.size(), path, invalid);
    }
    if (value.isObject()) {
      checkObject(schema, (ObjectNode) value, path, unknown, invalid);
    } else if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(schema.get("items"), value.get(i), path + "[" + i + "]", unknown, invalid);
      }
    }
  }

  // kube-openapi's texts: lengths count characters (runes), patterns are ECMA-262 regexes
  private static void checkString(JsonNode schema, String text, String path, List<Cause> invalid) {
    int length = text.codePointCount(0, text.length());
    if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
      invalid.add(
          new Cause(
              path,
              "FieldValueTooLong",
              "Too long: may not be more than " + schema.get("maxLength").asInt() + " bytes"));
    }
    if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
      invalid.add(
          new Cause(
              path,
              "FieldValueInvalid",
              "Invalid value: \""
                  + text
                  + "\": "
                  + path
                  + " in body should be at least "
                  + schema.get("minLength").asInt()
                  + " chars long"));
    }
    String pattern = schema.path("pattern").asText("");
    if (!pattern.isEmpty() && !Pattern.compile(pattern).matcher(text).find()) {
      invalid.add(
          new Cause(
              path,
              "FieldValueInvalid",
              "Invalid value: \""
                  + text
                  + "\": "
                  + path
                  + " in body should match '"
                  + pattern
                  + "'"));
    }
  }

  private static void checkItemCount(JsonNode schema, int size, String path, List<Cause> invalid) {
    if (schema.has("maxItems") && size > schema.get("maxItems").asInt()) {
      invalid.add(
          new Cause(
              path,
              "FieldValueTooMany",
              "Too many: "
                  + size
                  + ": must have at most "
                  + schema.get("maxItems").asInt()
                  + " items"));
    }
    if (schema.has("minItems") && size < schema.get("minItems").asInt()) {
      invalid.add(
          new Cause(
              path,
              "FieldValueInvalid",
              "Invalid value: "
                  + size
                  + ": "
                  + path
                  + " in body should have at least "
                  + schema.get("minItems").asInt()
                  + " items"));
    }
  }

  private void checkObject(
      JsonNode schema, ObjectNode value, String path, List<String> unknown, List<Cause> invalid) {
    if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
        && !schema.has("properties")) {
      return;
    }
    JsonNode properties = schema.path("properties");
    applyDefaults(properties, value);
    JsonNode additional = schema.get("additionalProperties");
    List<String> pruned = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String fieldPath = path + "." + field.getKey();
      JsonNode fieldSchema = properties.get(field.getKey());
      if (fieldSchema == null && additional != null && additional.isObject()) {
        fieldSchema = additional;
      }
      if (fieldSchema != null) {
        check(fieldSchema, field.getValue(), fieldPath, unknown, invalid);
      } else if (!(additional != null && additional.asBoolean(false))
          && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
        unknown.add(fieldPath);
        pruned.add(field.getKey());
      }
    }
    pruned.forEach(value::remove);
    requireFields(schema, value, path + ".", invalid);
  }

  // The API server fills in a field's schema default when the object leaves the field out.
  private static void applyDefaults(JsonNode properties, ObjectNode value) {
    properties
        .fields()
        .forEachRemaining(
            property -> {
              JsonNode fallback = property.getValue().get("default");
              if (fallback != null && !value.has(property.getKey())) {
                value.set(property.getKey(), fallback.deepCopy());
              }
            });
  }

  /**
   * How the server names a kind in messages: {@code ComputeCase.computecase.io}, {@code ConfigMap}.
   */
  private static String qualifiedKind(ResourceType type) {
    return type.group().isEmpty() ? type.kind() : type.kind() + "." + type.group();
  }

  private static void requireFields(
      JsonNode schema, JsonNode value, String prefix, List<Cause> invalid) {
    for (JsonNode required : schema.path("required")) {
      if (!value.has(required.asText())) {
        invalid.add(new Cause(prefix + required.asText(), "FieldValueRequired", "Required value"));
      }
    }
  }

  private static boolean hasType(JsonNode value, String type) {
    return switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" ->
          value.isIntegralNumber()
              || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()));
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      default -> true;
    };
  }

  /** The JSON type of a value as the API server names it in messages. */
  static String typeOf(JsonNode value) {
    if (value.isObject()) {
      return "object";
    } else if (value.isArray()) {
      return "array";
    } else if (value.isTextual()) {
      return "string";
    } else if (value.isIntegralNumber()) {
      return "integer";
    } else if (value.isNumber()) {
      return "number";
    } else if (value.isBoolean()) {
      return "boolean";
    }
    return "null";
  }

  private static boolean contains(JsonNode allowed, JsonNode value) {
    for (JsonNode candidate : allowed) {
      if (candidate.equals(value)) {
        return true;
      }
    }
    return false;
  }
}
