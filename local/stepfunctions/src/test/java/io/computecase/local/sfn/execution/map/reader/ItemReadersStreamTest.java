package io.computecase.local.sfn.execution.map.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The readers stream: JSON Lines are kept as compact text, and MaxItems stops reading an object
 * that never ends. CSV records split on CRLF too.
 */
class ItemReadersStreamTest {

  /** An endless (or {@code lines}-long) object whose line n is {@code line.apply(n)}. */
  private static InputStream lines(long lines, IntFunction<String> line) {
    return new InputStream() {
      private long next;
      private byte[] current = new byte[0];
      private int at;

      @Override
      public int read() {
        return fill() ? current[at++] & 0xff : -1;
      }

      @Override
      public int read(byte[] into, int offset, int length) {
        if (length == 0) {
          return 0;
        }
        if (!fill()) {
          return -1;
        }
        int count = Math.min(length, current.length - at);
        System.arraycopy(current, at, into, offset, count);
        at += count;
        return count;
      }

      private boolean fill() {
        if (at == current.length) {
          if (lines >= 0 && next >= lines) {
            return false;
          }
          current = (line.apply((int) next++) + "\n").getBytes(StandardCharsets.UTF_8);
          at = 0;
        }
        return true;
      }
    };
  }

  @Test
  void tenThousandJsonLinesAreKeptAsCompactText() {
    ItemTexts items = new ItemTexts();
    JsonLinesItems.read(
        lines(10_000, n -> "{ \"id\" : " + n + ", \"name\": \"item-" + n + "\" }"),
        json -> {
          items.add(json);
          return true;
        });
    assertThat(items.size()).isEqualTo(10_000);
    assertThat(items.get(9_999).toString()).isEqualTo("{\"id\":9999,\"name\":\"item-9999\"}");
  }

  @Test
  void maxItemsStopsReadingAnObjectThatNeverEnds() {
    List<String> items = new ArrayList<>();
    DelimitedItems.read(
        lines(-1, n -> n == 0 ? "a,b" : n + "," + (n * 2)),
        ',',
        null,
        record -> {
          items.add(record);
          return items.size() < 3;
        });
    assertThat(items)
        .containsExactly(
            "{\"a\":\"1\",\"b\":\"2\"}", "{\"a\":\"2\",\"b\":\"4\"}", "{\"a\":\"3\",\"b\":\"6\"}");
    List<String> elements = new ArrayList<>();
    InputStream endlessArray =
        new SequenceInputStream(
            new ByteArrayInputStream("[".getBytes(StandardCharsets.UTF_8)),
            lines(-1, n -> "{\"n\": " + n + "},"));
    JsonArrayItems.read(
        endlessArray,
        element -> {
          elements.add(element);
          return elements.size() < 2;
        });
    assertThat(elements).containsExactly("{\"n\":0}", "{\"n\":1}");
  }

  @Test
  void crlfEndsARecordAndAQuotedTabStaysInItsField() {
    List<String> items = new ArrayList<>();
    DelimitedItems.read(
        new ByteArrayInputStream("a\tb\r\n\"x\ty\"\tz\r\n".getBytes(StandardCharsets.UTF_8)),
        '\t',
        null,
        record -> items.add(record));
    assertThat(items).containsExactly("{\"a\":\"x\\ty\",\"b\":\"z\"}");
  }

  @Test
  void aMalformedLineIsNamedByItsNumber() {
    ItemReadException e =
        catchThrowableOfType(
            () ->
                JsonLinesItems.read(
                    lines(10, n -> n == 6 ? "{oops" : "{\"n\": " + n + "}"), json -> true),
            ItemReadException.class);
    assertThat(e.line()).isEqualTo(7);
    assertThat(e.getMessage()).startsWith("the line is not one JSON value: ");
  }

  @Test
  void anInventoryManifestReadsItsGzippedCsvFilesWithItsFileSchemaAsHeaders() throws Exception {
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
      gzip.write("\"src\",\"a.txt\",\"3\"\n".getBytes(StandardCharsets.UTF_8));
    }
    String manifest =
        "{\"destinationBucket\": \"arn:aws:s3:::inventory\", \"fileFormat\": \"CSV\","
            + " \"fileSchema\": \"Bucket, Key, Size\", \"files\": [{\"key\": \"d/1.csv.gz\"}]}";
    List<String> opened = new ArrayList<>();
    List<String> items = new ArrayList<>();
    InventoryItems.read(
        new ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8)),
        (bucket, key) -> {
          opened.add(bucket + "/" + key);
          return new ByteArrayInputStream(gzipped.toByteArray());
        },
        items::add);
    assertThat(opened).containsExactly("inventory/d/1.csv.gz");
    assertThat(items).containsExactly("{\"Bucket\":\"src\",\"Key\":\"a.txt\",\"Size\":\"3\"}");
  }
}
