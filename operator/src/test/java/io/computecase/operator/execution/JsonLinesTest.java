package io.computecase.operator.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Items become JSON Lines one at a time, and the length announced is the length streamed. */
class JsonLinesTest {
  private static Iterator<ObjectNode> generated(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> JsonNodeFactory.instance.objectNode().put("caseId", String.valueOf(i)))
        .iterator();
  }

  @Test
  void tenThousandGeneratedItemsStreamAsManyBytesAsAnnounced() throws IOException {
    long length = JsonLines.length(generated(10_000));
    long streamed = 0;
    byte[] buffer = new byte[8192];
    long lines = 0;
    try (InputStream in = JsonLines.stream(generated(10_000))) {
      for (int n; (n = in.read(buffer)) != -1; ) {
        streamed += n;
        for (int i = 0; i < n; i++) {
          lines += buffer[i] == '\n' ? 1 : 0;
        }
      }
    }
    assertThat(streamed).isEqualTo(length);
    assertThat(lines).isEqualTo(10_000);
    // {"caseId":"0"} and its newline are 15 bytes; each further digit is one more
    long digits = 0;
    for (long from = 10; from < 10_000; from *= 10) {
      digits += 10_000 - from;
    }
    assertThat(length).isEqualTo(15L * 10_000 + digits);
  }

  @Test
  void byteByByteReadsGiveTheSameLinesAsBulkReads() throws IOException {
    ObjectNode unicode = JsonNodeFactory.instance.objectNode().put("text", "ü€😀\n\"");
    List<ObjectNode> items = List.of(unicode, JsonNodeFactory.instance.objectNode());
    ByteArrayOutputStream single = new ByteArrayOutputStream();
    try (InputStream in = JsonLines.stream(items.iterator())) {
      for (int b; (b = in.read()) != -1; ) {
        single.write(b);
      }
    }
    String text = single.toString(StandardCharsets.UTF_8);
    assertThat(text).isEqualTo("{\"text\":\"ü€😀\\n\\\"\"}\n{}\n");
    assertThat((long) single.size()).isEqualTo(JsonLines.length(items.iterator()));
    try (InputStream in = JsonLines.stream(items.iterator())) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text);
    }
  }
}
