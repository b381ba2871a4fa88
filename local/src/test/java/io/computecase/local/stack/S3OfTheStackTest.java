package io.computecase.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack's S3, driven by the real AWS CLI at the endpoint the stack names: files copied up are
 * listed and copied down, and after a restart on the same data directory they are still there, at
 * the same endpoint.
 */
class S3OfTheStackTest {
  @TempDir Path dataDir;
  @TempDir Path files;

  @Test
  void objectsCopiedWithTheCliSurviveARestartOnTheDataDirectory() throws Exception {
    assumeTrue(awsCliPresent(), "the AWS CLI is not on the PATH");
    Path items = Files.writeString(files.resolve("items.json"), "[{\"id\":1},{\"id\":2}]");
    URI endpoint;
    try (EmbeddedAws aws = EmbeddedAws.start(0, dataDir)) {
      endpoint = aws.s3Endpoint();
      cli(endpoint, "s3", "mb", "s3://case-inputs");
      cli(endpoint, "s3", "cp", items.toString(), "s3://case-inputs/run-1/items.json");
      assertThat(cli(endpoint, "s3", "ls", "s3://case-inputs/run-1/")).contains("items.json");
    }
    assertThat(dataDir.resolve("s3/case-inputs")).isDirectory();

    try (EmbeddedAws aws = EmbeddedAws.start(0, dataDir)) {
      assertThat(aws.s3Endpoint()).isEqualTo(endpoint);
      assertThat(cli(endpoint, "s3", "ls")).contains("case-inputs");
      Path back = files.resolve("items-back.json");
      cli(endpoint, "s3", "cp", "s3://case-inputs/run-1/items.json", back.toString());
      assertThat(back).hasSameTextualContentAs(items);
    }
  }

  private static String cli(URI endpoint, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_DEFAULT_REGION", EmbeddedAws.REGION);
    env.put("AWS_PAGER", "");
    Process process = builder.start();
    byte[] stdout = process.getInputStream().readAllBytes();
    byte[] stderr = process.getErrorStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    assertThat(process.exitValue())
        .as("aws %s: %s", String.join(" ", args), new String(stderr, StandardCharsets.UTF_8))
        .isZero();
    return new String(stdout, StandardCharsets.UTF_8);
  }

  private static boolean awsCliPresent() {
    try {
      return new ProcessBuilder("aws", "--version").redirectErrorStream(true).start().waitFor()
          == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
