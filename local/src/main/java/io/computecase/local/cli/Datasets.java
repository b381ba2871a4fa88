package io.computecase.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a dataset in the original pattern's format ({@code {"requestId", "requests": [...],
 * "length"}}) or a plain JSON array of items, from a file or from the datasets bundled in the jar.
 */
final class Datasets {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A dataset: the request id it names (may be null) and its items. */
  record Dataset(String requestId, ArrayNode items) {}

  private Datasets() {}

  static Dataset read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--dataset: no such file: " + file);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return parse(JSON.readTree(in), file.toString());
    }
  }

  static Dataset bundled(String name) throws IOException {
    try (InputStream in = Datasets.class.getResourceAsStream("/sample_data_sets/" + name)) {
      if (in == null) {
        throw new IllegalStateException("The jar has no bundled dataset " + name);
      }
      return parse(JSON.readTree(in), name);
    }
  }

  static Dataset parse(JsonNode root, String source) {
    JsonNode items = root.isArray() ? root : root.path("requests");
    if (!items.isArray()) {
      throw new IllegalArgumentException(
          source + ": expected a JSON array of items or an object with a \"requests\" array");
    }
    for (JsonNode item : items) {
      if (!item.isObject()) {
        throw new IllegalArgumentException(
            source
                + ": every item must be a JSON object such as {\"caseId\":\"0\"}, found "
                + item);
      }
    }
    String requestId =
        root.isObject() && root.hasNonNull("requestId") ? root.get("requestId").asText() : null;
    return new Dataset(requestId, (ArrayNode) items);
  }
}
