package io.computecase.local.kube.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads and writes the simple field paths (.spec.replicas) that scale subresources declare. */
final class DottedPath {

  private DottedPath() {}

  static JsonNode get(JsonNode object, String path) {
    JsonNode node = object;
    for (String field : fields(path)) {
      node = node.path(field);
    }
    return node == null ? MissingNode.getInstance() : node;
  }

  static void set(ObjectNode object, String path, int value) {
    String[] fields = fields(path);
    ObjectNode parent = object;
    for (int i = 0; i < fields.length - 1; i++) {
      parent = parent.with(fields[i]);
    }
    parent.put(fields[fields.length - 1], value);
  }

  private static String[] fields(String path) {
    String trimmed = path.startsWith(".") ? path.substring(1) : path;
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException(
          "a scale path must name a field such as .spec.replicas, got \"" + path + "\"");
    }
    return trimmed.split("\\.");
  }
}
