package io.computecase.operator.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Items as JSON Lines, one object per line, produced one item at a time: a million items stream
 * through a few hundred bytes of buffer instead of one large string.
 */
final class JsonLines {
  // characters outside the BMP as their four UTF-8 bytes, not as escaped surrogate pairs
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

  private JsonLines() {}

  /** The bytes the items take as JSON Lines, counted by serializing them one at a time. */
  static long length(Iterator<ObjectNode> items) {
    long length = 0;
    while (items.hasNext()) {
      length += line(items.next()).length;
    }
    return length;
  }

  /** The items as a stream of JSON Lines, each line serialized when the reader reaches it. */
  static InputStream stream(Iterator<ObjectNode> items) {
    return new InputStream() {
      private byte[] line = new byte[0];
      private int position;

      private boolean fill() {
        while (position >= line.length) {
          if (!items.hasNext()) {
            return false;
          }
          line = line(items.next());
          position = 0;
        }
        return true;
      }

      @Override
      public int read() {
        return fill() ? line[position++] & 0xff : -1;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
          return 0;
        }
        int read = 0;
        while (read < length && fill()) {
          int n = Math.min(length - read, line.length - position);
          System.arraycopy(line, position, buffer, offset + read, n);
          position += n;
          read += n;
        }
        return read == 0 ? -1 : read;
      }
    };
  }

  private static byte[] line(ObjectNode item) {
    try {
      byte[] json = MAPPER.writeValueAsBytes(item);
      byte[] line = new byte[json.length + 1];
      System.arraycopy(json, 0, line, 0, json.length);
      line[json.length] = '\n';
      return line;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
