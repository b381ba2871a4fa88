package io.computecase.local.sfn.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import java.io.IOException;
import java.io.OutputStream;

/** AWS's 256 KiB quota on every state input, output, execution input and task result. */
public final class PayloadLimits {
  /** 256 KiB, measured as UTF-8 bytes of the JSON text. */
  public static final int MAX_BYTES = 262_144;

  private PayloadLimits() {}

  public static boolean exceeds(JsonNode value) {
    if (value == null || value.isValueNode() && !value.isTextual()) {
      return false;
    }
    // Walking the tree for an upper bound is much cheaper than writing it; most payloads are
    // far below the quota, so the exact size is needed only near it.
    return upperBound(value, MAX_BYTES) > MAX_BYTES && size(value) > MAX_BYTES;
  }

  /** An upper bound of the JSON text's size, stopping once it passes {@code stop}. */
  private static long upperBound(JsonNode node, long stop) {
    if (node.isTextual()) {
      return 2 + 6L * node.textValue().length();
    }
    if (node.isValueNode()) {
      return 32;
    }
    long total = 2;
    if (node.isObject()) {
      for (var it = node.fields(); it.hasNext() && total <= stop; ) {
        var field = it.next();
        total += 4 + 6L * field.getKey().length() + upperBound(field.getValue(), stop - total);
      }
    } else {
      for (int i = 0; i < node.size() && total <= stop; i++) {
        total += 1 + upperBound(node.get(i), stop - total);
      }
    }
    return total;
  }

  /** Bytes of the JSON text, counted without keeping the text. */
  public static long size(JsonNode value) {
    CountingStream counter = new CountingStream();
    try {
      AwsJson.MAPPER.writeValue(counter, value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return counter.count;
  }

  private static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
