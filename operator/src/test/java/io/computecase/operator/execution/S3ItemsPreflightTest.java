package io.computecase.operator.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.computecase.api.v1alpha1.S3ItemsObject;
import io.computecase.api.v1alpha1.S3ItemsObject.Format;
import io.computecase.local.s3.EmbeddedS3;
import io.computecase.operator.validation.SpecProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A user's S3 object read through once before the start: its items counted in every format, and
 * each way the Distributed Map would read it wrongly or not at all refused with the object, the
 * line and the fix.
 */
class S3ItemsPreflightTest {
  private static final String BUCKET = "user-data";
  private static Path directory;
  private static EmbeddedS3 server;
  private static S3Client s3;
  private static S3ItemsPreflight preflight;

  @BeforeAll
  static void start() throws IOException {
    directory = Files.createTempDirectory("preflight");
    server = EmbeddedS3.start(0, directory);
    s3 = server.client();
    s3.createBucket(r -> r.bucket(BUCKET));
    preflight = new S3ItemsPreflight(s3);
  }

  @AfterAll
  static void stop() {
    s3.close();
    server.close();
  }

  private static S3ItemsObject put(String key, Format format, String content) {
    s3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString(content));
    return new S3ItemsObject(BUCKET, key, format);
  }

  private static String problem(S3ItemsObject object) {
    try {
      preflight.count(object);
    } catch (SpecProblemException e) {
      return e.problem().message();
    }
    throw new AssertionError("s3://" + object.getBucket() + "/" + object.getKey() + " passed");
  }

  @Test
  void aCsvRowWithMoreFieldsThanTheHeaderNamesTheObjectAndItsLine() {
    S3ItemsObject rows = put("rows.csv", null, "caseId,size\n0,10\n1,20,extra\n");

    assertThat(problem(rows))
        .contains(
            "s3://user-data/rows.csv line 3 has 3 fields where the header has 2: give every row"
                + " the header's columns");
  }

  @Test
  void aCsvRowWithFewerFieldsThanTheHeaderNamesTheObjectAndItsLine() {
    S3ItemsObject rows = put("short.csv", Format.CSV, "caseId,size,colour\n0,10,red\n\n1,20\n");

    assertThat(problem(rows))
        .contains("s3://user-data/short.csv line 4 has 2 fields where the header has 3");
  }

  @Test
  void quotedCommasQuotesAndNewlinesAreOneFieldAndLinesCountFromThem() {
    // row 1 spans lines 2-3; the bad row starts on line 5 after a quoted field over lines 4-5
    S3ItemsObject good =
        put(
            "quoted.csv",
            null,
            "\uFEFFcaseId,text\r\n"
                + "0,\"a, b\nand \"\"c\"\"\"\r\n"
                + "1,\"x,y\"\r\n"
                + "2,\"one\ntwo\",\"three\"\r\n");
    assertThat(problem(good))
        .contains("s3://user-data/quoted.csv line 5 has 3 fields where the header has 2");

    S3ItemsObject fixed =
        put(
            "fixed.csv",
            null,
            "caseId,text\n0,\"a, b\nand \"\"c\"\"\"\n1,\"x,y\"\n2,\"one\ntwo\"\n");
    assertThat(preflight.count(fixed)).isEqualTo(3);
  }

  @Test
  void aMalformedJsonLinesLineIsNamedByItsNumber() {
    S3ItemsObject bad =
        put("bad.jsonl", null, "{\"caseId\":\"0\"}\n\n{\"caseId\": }\n{\"caseId\":\"2\"}\n");

    assertThat(problem(bad))
        .startsWith("spec.itemsFrom.s3: s3://user-data/bad.jsonl line 3 is not valid JSON")
        .contains("write one JSON object per line");
  }

  @Test
  void aJsonLinesLineMustHoldOneObject() {
    assertThat(problem(put("two.jsonl", Format.JSONL, "{\"a\":1}\n{\"a\":2} {\"a\":3}\n")))
        .contains("s3://user-data/two.jsonl line 2 is not valid JSON");
    assertThat(problem(put("array.jsonl", Format.JSONL, "{\"a\":1}\r\n[1,2]\r\n")))
        .contains("s3://user-data/array.jsonl line 2 is a JSON array, not an object");
  }

  @Test
  void jsonLinesAreCountedSkippingBlankLines() {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      lines.append("{\"caseId\":\"").append(i).append("\"}\r\n");
      if (i % 1000 == 0) {
        lines.append("\n");
      }
    }
    assertThat(preflight.count(put("many.jsonl", null, lines.toString()))).isEqualTo(10_000);
  }

  @Test
  void aJsonObjectMustBeAnArrayOfObjects() {
    assertThat(problem(put("object.json", null, "{\"requests\": []}")))
        .contains("s3://user-data/object.json line 1 begins a JSON object, not an array")
        .contains("one JSON array of objects");
    assertThat(problem(put("mixed.json", null, "[\n{\"a\": [1, {}]},\n\"x\"\n]")))
        .contains("s3://user-data/mixed.json line 3: item 1 of the array is a JSON string");
    assertThat(problem(put("broken.json", null, "[\n{\"a\": 1},\n{\"a\" 2}\n]")))
        .contains("s3://user-data/broken.json line 3 is not valid JSON");
    assertThat(problem(put("cut.json", null, "[{\"a\": 1},"))).contains("s3://user-data/cut.json");
    assertThat(preflight.count(put("good.json", null, "[{\"a\": [1, {}]}, {}, {\"b\": \"]\"}]")))
        .isEqualTo(3);
  }

  @Test
  void anEmptyObjectHoldsNoItems() {
    assertThat(problem(put("empty.jsonl", null, "\n\n")))
        .contains("s3://user-data/empty.jsonl holds no items");
    assertThat(problem(put("header-only.csv", null, "caseId,size\n")))
        .contains("s3://user-data/header-only.csv holds no items");
    assertThat(problem(put("empty.json", null, "[]")))
        .contains("s3://user-data/empty.json holds no items");
  }

  @Test
  void aMissingKeyOrBucketSaysToCreateItOrFixTheSpec() {
    assertThat(problem(new S3ItemsObject(BUCKET, "nothing.jsonl", null)))
        .contains("s3://user-data/nothing.jsonl does not exist")
        .contains("fix spec.itemsFrom.s3.key");
    assertThat(problem(new S3ItemsObject("no-such-bucket", "items.jsonl", null)))
        .contains("s3://no-such-bucket/items.jsonl")
        .contains("create bucket 'no-such-bucket'")
        .contains("fix spec.itemsFrom.s3.bucket");
  }

  @Test
  void tenThousandCsvRowsAreCountedAsTheyStream() {
    long rows = 10_000;
    byte[] header = "caseId,size,text\n".getBytes(StandardCharsets.UTF_8);
    byte[] row = "123456,large,\"a, quoted \"\"value\"\"\"\n".getBytes(StandardCharsets.UTF_8);
    long length = header.length + rows * row.length;
    s3.putObject(
        r -> r.bucket(BUCKET).key("rows.csv"),
        RequestBody.fromContentProvider(
            () -> new RepeatedRows(header, row, rows), length, "text/csv"));

    assertThat(preflight.count(new S3ItemsObject(BUCKET, "rows.csv", null))).isEqualTo(10_000);
  }

  /** A header then the same row, made as they are read: the test holds no rows either. */
  private static final class RepeatedRows extends InputStream {
    private final byte[] header;
    private final byte[] row;
    private final long rows;
    private long position;

    RepeatedRows(byte[] header, byte[] row, long rows) {
      this.header = header;
      this.row = row;
      this.rows = rows;
    }

    @Override
    public int read() {
      long length = header.length + rows * row.length;
      if (position >= length) {
        return -1;
      }
      long at = position++;
      return at < header.length ? header[(int) at] : row[(int) ((at - header.length) % row.length)];
    }
  }
}
