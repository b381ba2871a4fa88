package io.computecase.local.sfn.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import java.io.OutputStream;

/** AWS's 256 KiB quota on every state input, output, execution input and task result. */
public final class PayloadLimits {
  /** 256 KiB, measured as UTF-8 bytes of the JSON text. */
  public static final int MAX_BYTES = 262_144;

  private PayloadLimits() {}

  public static boolean exceeds(JsonNode value) {
    return value != null && size(value) > MAX_BYTES;
  }

  /** Bytes of the JSON text, counted without keeping the text. */
  public static long size(JsonNode value) {
    CountingStream counter = new CountingStream();
    try {
      AwsJson.MAPPER.writeValue(counter, value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    } catch (java.io.IOException e) {
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
