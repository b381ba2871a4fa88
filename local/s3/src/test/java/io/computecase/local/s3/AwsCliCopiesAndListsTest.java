package io.computecase.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real AWS CLI, pointed at the server with --endpoint-url and dummy credentials, copies files
 * up and down (a large one in parts) and lists buckets and keys.
 */
class AwsCliCopiesAndListsTest {
  @TempDir Path directory;
  @TempDir Path files;

  @Test
  void cpUpAndDownAndLs() throws Exception {
    assumeTrue(awsCliPresent(), "the AWS CLI is not on the PATH");
    Path small = Files.writeString(files.resolve("items.json"), "[{\"id\":1},{\"id\":2}]");
    // over the CLI's 8 MiB multipart threshold
    byte[] bytes = new byte[12 * 1024 * 1024];
    new Random(17).nextBytes(bytes);
    Path large = Files.write(files.resolve("large.bin"), bytes);

    try (EmbeddedS3 s3 = EmbeddedS3.start(0, directory)) {
      String endpoint = s3.endpoint().toString();
      cli(endpoint, "s3", "mb", "s3://cli-bucket");
      cli(endpoint, "s3", "cp", small.toString(), "s3://cli-bucket/input/items.json");
      cli(endpoint, "s3", "cp", large.toString(), "s3://cli-bucket/input/large.bin");

      assertThat(cli(endpoint, "s3", "ls")).contains("cli-bucket");
      assertThat(cli(endpoint, "s3", "ls", "s3://cli-bucket/input/"))
          .contains("items.json", "large.bin");

      Path smallBack = files.resolve("items-back.json");
      Path largeBack = files.resolve("large-back.bin");
      cli(endpoint, "s3", "cp", "s3://cli-bucket/input/items.json", smallBack.toString());
      cli(endpoint, "s3", "cp", "s3://cli-bucket/input/large.bin", largeBack.toString());
      assertThat(smallBack).hasSameBinaryContentAs(small);
      assertThat(largeBack).hasSameBinaryContentAs(large);
    }
  }

  private static String cli(String endpoint, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_DEFAULT_REGION", EmbeddedS3.REGION);
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
