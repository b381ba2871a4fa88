package io.computecase.local.kube.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.kube.discovery.ResourceType;
import java.util.List;
import java.util.Map;

/**
 * What the API server's decoder refuses before any validation, with 400 BadRequest: an apiVersion
 * or kind other than the endpoint's, and metadata that does not decode into an ObjectMeta (not an
 * object, a name that is not a string, labels that are not a map of strings). Stored, such an
 * object would reach every informer of its kind, and one that cannot decode it stops.
 */
public final class ObjectShape {
  private static final List<String> STRING_FIELDS =
      List.of(
          "name",
          "namespace",
          "generateName",
          "resourceVersion",
          "uid",
          "creationTimestamp",
          "deletionTimestamp");

  private ObjectShape() {}

  /** Throws the server's 400 when {@code object} cannot be an object of {@code type}. */
  public static void check(ResourceType type, JsonNode object) {
    JsonNode apiVersion = object.get("apiVersion");
    if (apiVersion != null
        && !apiVersion.isNull()
        && !apiVersion.asText().equals(type.apiVersion())) {
      throw badRequest(
          "the API version in the data ("
              + (apiVersion.isTextual() ? apiVersion.asText() : apiVersion.toString())
              + ") does not match the expected API version ("
              + type.apiVersion()
              + ")");
    }
    JsonNode kind = object.get("kind");
    if (kind != null
        && !kind.isNull()
        && !(kind.isTextual() && kind.asText().equals(type.kind()))) {
      throw undecodable(type, "the kind in the data (" + kind + ") is not \"" + type.kind() + "\"");
    }
    JsonNode metadata = object.get("metadata");
    if (metadata == null || metadata.isNull()) {
      return;
    }
    if (!metadata.isObject()) {
      throw undecodable(
          type, "metadata must be an object (ObjectMeta), not " + SchemaValidator.typeOf(metadata));
    }
    for (String field : STRING_FIELDS) {
      JsonNode value = metadata.get(field);
      if (value != null && !value.isNull() && !value.isTextual()) {
        throw undecodable(
            type, "metadata." + field + " must be a string, not " + SchemaValidator.typeOf(value));
      }
    }
    for (String map : List.of("labels", "annotations")) {
      JsonNode value = metadata.get(map);
      if (value == null || value.isNull()) {
        continue;
      }
      if (!value.isObject()) {
        throw undecodable(
            type,
            "metadata." + map + " must be a map of strings, not " + SchemaValidator.typeOf(value));
      }
      for (Map.Entry<String, JsonNode> entry : value.properties()) {
        if (!entry.getValue().isTextual()) {
          throw undecodable(
              type,
              "metadata."
                  + map
                  + "."
                  + entry.getKey()
                  + " must be a string, not "
                  + SchemaValidator.typeOf(entry.getValue()));
        }
      }
    }
    JsonNode finalizers = metadata.get("finalizers");
    if (finalizers != null && !finalizers.isNull()) {
      boolean strings = finalizers.isArray();
      for (JsonNode finalizer : finalizers) {
        strings &= finalizer.isTextual();
      }
      if (!strings) {
        throw undecodable(type, "metadata.finalizers must be a list of strings");
      }
    }
  }

  private static InvalidObjectException undecodable(ResourceType type, String why) {
    return badRequest(
        type.kind()
            + " in version \""
            + type.version()
            + "\" cannot be handled as a "
            + type.kind()
            + ": "
            + why);
  }

  private static InvalidObjectException badRequest(String message) {
    return new InvalidObjectException(400, "BadRequest", message);
  }
}
