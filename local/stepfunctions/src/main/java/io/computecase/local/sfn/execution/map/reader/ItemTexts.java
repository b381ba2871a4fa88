package io.computecase.local.sfn.execution.map.reader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Items kept as compact JSON text, each parsed again when asked for: a million items read from S3
 * cost their text, not a million Jackson trees.
 */
public final class ItemTexts {
  private final List<String> texts = new ArrayList<>();

  /** Adds one item (compact JSON text). */
  public void add(String json) {
    texts.add(json);
  }

  public int size() {
    return texts.size();
  }

  /** The item, parsed afresh (the caller may keep or change it). */
  public JsonNode get(int index) {
    try {
      return AwsJson.MAPPER.readTree(texts.get(index));
    } catch (JsonProcessingException e) {
      // Only texts this class was given by the readers, which wrote them from parsed JSON.
      throw new UncheckedIOException(e);
    }
  }
}
