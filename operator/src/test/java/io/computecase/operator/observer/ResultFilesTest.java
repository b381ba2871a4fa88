package io.computecase.operator.observer;

import static org.assertj.core.api.Assertions.assertThat;

import io.computecase.api.v1alpha1.DurationStats;
import io.computecase.local.s3.EmbeddedS3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The ResultWriter's files read back: only SUCCEEDED files, every entry's duration (the durationMs
 * of the worker's answer, or a bare number), streamed; and the duration statistics of a hundred
 * thousand items in bounded memory.
 */
class ResultFilesTest {
  private static final String BUCKET = "results";
  private static Path directory;
  private static EmbeddedS3 server;
  private static S3Client s3;

  @BeforeAll
  static void start() throws IOException {
    directory = Files.createTempDirectory("result-files");
    server = EmbeddedS3.start(0, directory);
    s3 = server.client();
    s3.createBucket(r -> r.bucket(BUCKET));
  }

  @AfterAll
  static void stop() {
    s3.close();
    server.close();
  }

  private static void put(String key, String content) {
    s3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString(content));
  }

  private static String entry(String status, String output) {
    return "{\"ExecutionArn\":\"arn\",\"Input\":\"{}\",\"InputDetails\":{\"Included\":true},"
        + "\"Name\":\"n\",\"Output\":"
        + output
        + ",\"OutputDetails\":{\"Included\":true},\"Status\":\""
        + status
        + "\"}";
  }

  /** The Output as the ResultWriter writes it: a JSON string of the worker's answer. */
  private static String output(int durationMs) {
    if (durationMs % 1000 == 0) {
      return "\"" + durationMs + "\"";
    }
    return "\"{\\\"index\\\":"
        + durationMs
        + ",\\\"caseId\\\":\\\"c\\\",\\\"result\\\":{\\\"sum\\\":1},"
        + "\\\"durationMs\\\":"
        + durationMs
        + ",\\\"worker\\\":\\\"w\\\"}\"";
  }

  @Test
  void aHundredThousandDurationsOverTwoFilesGiveTheirStatistics() {
    // durations 1..10000 ms: file 0 has the odd ones as a JSON array, file 1 the even ones as
    // JSON Lines; the outputs are the workers' answers, but every thousandth a bare number as
    // results written before asl/ passed the whole answer on; a null output, an answer without
    // a duration and a failed file are left out
    StringBuilder odd = new StringBuilder("[");
    StringBuilder even = new StringBuilder();
    for (int d = 1; d <= 10_000; d++) {
      if (d % 2 == 1) {
        odd.append(d == 1 ? "" : ",").append(entry("SUCCEEDED", output(d)));
      } else {
        even.append(entry("SUCCEEDED", output(d))).append('\n');
      }
    }
    odd.append(",").append(entry("SUCCEEDED", "null"));
    odd.append(",").append(entry("SUCCEEDED", "\"{\\\"index\\\":0,\\\"result\\\":7}\""));
    odd.append("]");
    put("p/run/SUCCEEDED_0.json", odd.toString());
    put("p/run/SUCCEEDED_1.json", even.toString());
    put("p/run/FAILED_0.json", "[" + entry("FAILED", "\"999999999\"") + "]");
    put(
        "p/run/manifest.json",
        "{\"DestinationBucket\":\"results\",\"MapRunArn\":\"arn\",\"ResultFiles\":{"
            + "\"FAILED\":[{\"Key\":\"p/run/FAILED_0.json\",\"Size\":1}],\"PENDING\":[],"
            + "\"SUCCEEDED\":[{\"Key\":\"p/run/SUCCEEDED_0.json\",\"Size\":1},"
            + "{\"Key\":\"p/run/SUCCEEDED_1.json\",\"Size\":1}]}}");
    DurationSketch sketch = new DurationSketch();
    AtomicLong heard = new AtomicLong();

    boolean found =
        new ResultFiles(s3)
            .eachSucceededDuration(
                BUCKET,
                "p/run/manifest.json",
                d -> {
                  sketch.add(d);
                  heard.incrementAndGet();
                });

    assertThat(found).isTrue();
    assertThat(heard.get()).isEqualTo(10_000);
    DurationStats stats = sketch.stats();
    assertThat(stats.getMin()).isEqualTo(1.0);
    assertThat(stats.getMax()).isEqualTo(10_000.0);
    // three significant digits
    assertThat(stats.getP50()).isBetween(4_990.0, 5_010.0);
    assertThat(stats.getP95()).isBetween(9_490.0, 9_510.0);
  }

  @Test
  void noManifestIsNoResults() {
    assertThat(new ResultFiles(s3).eachSucceededDuration(BUCKET, "nothing/manifest.json", d -> {}))
        .isFalse();
    assertThat(new DurationSketch().stats()).isNull();
  }

  @Test
  void theManifestOfAMapRunIsUnderItsId() {
    assertThat(
            ResultFiles.manifestKey(
                "results/ns/name/uid",
                "arn:aws:states:us-east-1:1:mapRun:computecase/ComputeItems:1f2e-3d"))
        .isEqualTo("results/ns/name/uid/1f2e-3d/manifest.json");
  }
}
