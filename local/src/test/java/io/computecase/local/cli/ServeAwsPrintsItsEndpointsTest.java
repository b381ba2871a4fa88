package io.computecase.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.computecase.local.s3.EmbeddedS3;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

/**
 * {@code serve-aws} prints one ENDPOINTS line naming the four services, and each serves there: S3
 * at {@code s3=} takes a bucket from the SDK.
 */
class ServeAwsPrintsItsEndpointsTest {
  private static final Pattern ENDPOINTS =
      Pattern.compile(
          "ENDPOINTS sfn=(http://127\\.0\\.0\\.1:\\d+) events=(http://127\\.0\\.0\\.1:\\d+)"
              + " sqs=(http://127\\.0\\.0\\.1:\\d+) s3=(http://127\\.0\\.0\\.1:\\d+)");

  @Test
  void theEndpointsLineNamesS3BesideTheOthers() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    ProcessHandle.current().info().command().orElseThrow(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    ComputeCaseLocal.class.getName(),
                    "serve-aws"))
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    // no relaunch in a tuned JVM: this process is the one to stop
    builder.environment().put("COMPUTECASE_LOCAL_JVM_TUNING", "off");
    Process serving = builder.start();
    try {
      String line =
          new BufferedReader(
                  new InputStreamReader(serving.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      Matcher endpoints = ENDPOINTS.matcher(String.valueOf(line));
      assertThat(endpoints.matches()).as(line).isTrue();

      try (S3Client s3 = EmbeddedS3.clientFor(URI.create(endpoints.group(4)))) {
        s3.createBucket(b -> b.bucket("from-serve-aws"));
        assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).contains("from-serve-aws");
      }
    } finally {
      serving.destroy();
      if (!serving.waitFor(60, TimeUnit.SECONDS)) {
        serving.destroyForcibly();
      }
    }
  }
}
