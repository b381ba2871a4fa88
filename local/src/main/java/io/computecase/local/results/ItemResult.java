package io.computecase.local.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * One item's result as a user reads it: its index and item (from the child execution's input), its
 * status, and its output or its error and cause. The request every item carries is left out.
 */
public record ItemResult(JsonNode index, JsonNode item, String status, ObjectNode line) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static ItemResult of(ResultFiles.Group group, ObjectNode entry) {
    JsonNode input = parsed(entry.get("Input"));
    JsonNode index = input.path("index");
    JsonNode item = input.has("item") ? input.get("item") : input;
    String status = entry.path("Status").asText(group.name());
    ObjectNode line = JsonNodeFactory.instance.objectNode();
    if (!index.isMissingNode()) {
      line.set("index", index);
    }
    line.set("item", item);
    line.put("status", status);
    if (entry.has("Output")) {
      line.set("output", parsed(entry.get("Output")));
    }
    for (String field : new String[] {"Error", "Cause"}) {
      if (entry.hasNonNull(field)) {
        line.put(field.toLowerCase(Locale.ROOT), entry.get(field).asText());
      }
    }
    if (entry.hasNonNull("ExecutionArn")) {
      line.put("executionArn", entry.get("ExecutionArn").asText());
    }
    return new ItemResult(index, item, status, line);
  }

  /** Input and Output are JSON text in the result files; anything else is kept as it is. */
  private static JsonNode parsed(JsonNode value) {
    if (value == null || value.isNull()) {
      return JsonNodeFactory.instance.nullNode();
    }
    if (!value.isTextual()) {
      return value;
    }
    try {
      return JSON.readTree(value.asText());
    } catch (JsonProcessingException e) {
      return value;
    }
  }

  /** The JSON Lines line: {"index", "item", "status", "output" | "error", "cause", ...}. */
  public String toJson() {
    return line.toString();
  }
}
