package io.computecase.local.kube.patch;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.zjsonpatch.JsonPatch;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies a PATCH body to an object: JSON patch (RFC 6902), JSON merge patch (RFC 7386), strategic
 * merge patch (merge, with lists of named items merged by name and $-directives honoured or
 * dropped) and server-side apply (the applied configuration merged in).
 */
public final class ObjectPatcher {

  // a body of one JSON value and then more is refused, as the API server's decoder refuses it
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private static final YAMLMapper YAML = new YAMLMapper();

  /** Parses a patch body; apply patches may be YAML. */
  public JsonNode parse(PatchType type, String body) {
    try {
      return type == PatchType.APPLY ? YAML.readTree(body) : JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "the "
              + type
              + " patch body is not valid "
              + (type == PatchType.APPLY ? "YAML or JSON" : "JSON")
              + ": "
              + e.getMessage(),
          e);
    }
  }

  public JsonNode apply(PatchType type, JsonNode current, JsonNode patch) {
    return switch (type) {
      case JSON_PATCH -> {
        if (!patch.isArray()) {
          throw new IllegalArgumentException(
              "a json-patch body must be an array of operations"
                  + " like [{\"op\":\"replace\",\"path\":\"/spec/x\",\"value\":1}]");
        }
        yield applyJsonPatch((ArrayNode) patch, current);
      }
      case MERGE -> merge(current, patch, false);
      case STRATEGIC_MERGE, APPLY -> merge(current, patch, true);
    };
  }

  /**
   * RFC 6902 one operation at a time: a remove or replace of a location that does not exist is an
   * error (the RFC's and the API server's), which the patch library would otherwise pass over.
   */
  private static JsonNode applyJsonPatch(ArrayNode patch, JsonNode current) {
    JsonNode document = current;
    for (JsonNode operation : patch) {
      String op = operation.path("op").asText("");
      if (op.equals("remove") || op.equals("replace")) {
        String path = operation.path("path").asText("");
        if (!path.isEmpty() && document.at(JsonPointer.compile(path)).isMissingNode()) {
          throw new IllegalArgumentException("unable to " + op + " nonexistent location: " + path);
        }
      }
      document = JsonPatch.apply(JSON.createArrayNode().add(operation), document);
    }
    return document;
  }

  private static JsonNode merge(JsonNode target, JsonNode patch, boolean strategic) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode result =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : JSON.createObjectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (strategic && key.startsWith("$")) {
        continue; // directives such as $setElementOrder/... and $retainKeys only order or prune
      }
      if (value.isNull()) {
        result.remove(key);
      } else if (strategic
          && value.isArray()
          && isNamedList(value)
          && isNamedList(result.get(key))) {
        result.set(key, mergeByName((ArrayNode) result.get(key), (ArrayNode) value));
      } else {
        result.set(key, merge(result.get(key), value, strategic));
      }
    }
    return result;
  }

  private static boolean isNamedList(JsonNode node) {
    if (node == null || !node.isArray() || node.isEmpty()) {
      return false;
    }
    for (JsonNode item : node) {
      if (!item.isObject() || !item.path("name").isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static ArrayNode mergeByName(ArrayNode current, ArrayNode patch) {
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    current.forEach(item -> byName.put(item.get("name").asText(), item));
    for (JsonNode item : patch) {
      String name = item.get("name").asText();
      if ("delete".equals(item.path("$patch").asText())) {
        byName.remove(name);
      } else {
        byName.put(name, merge(byName.get(name), item, true));
      }
    }
    ArrayNode merged = JSON.createArrayNode();
    byName.values().forEach(merged::add);
    return merged;
  }
}
