package io.computecase.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo}, as a new user runs it: the terminal shows the command's own lines (progress,
 * summary, result), at most 30 of them; the operator's, JOSDK's, ElasticMQ's and Pekko's log lines
 * go to the file it names, and {@code --verbose} brings them back to stderr.
 */
class QuietCommandLineTest {
  private static final Path DATASET = Path.of("../sample_data_sets/dataset_10.json");

  @TempDir Path tmp;

  @Test
  void demoPrintsOnlyItsOwnLinesAndNamesTheLogFile() throws Exception {
    Run run = demo();

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.lines()).as(run.output()).hasSizeLessThanOrEqualTo(30);
    assertThat(run.output())
        .contains("RESULT phase=Succeeded items=10 succeeded=10 failed=0")
        .doesNotContain(" INFO ", " WARN ", "org.elasticmq", "io.javaoperatorsdk", "pekko");

    Matcher named =
        Pattern.compile("Logs: (\\S+) \\(--verbose prints them here\\)").matcher(run.output());
    assertThat(named.find()).as(run.output()).isTrue();
    Path log = Path.of(named.group(1));
    String logged = Files.readString(log);
    assertThat(logged)
        .contains("io.javaoperatorsdk.operator.Operator")
        .contains("org.elasticmq")
        // java.util.logging lands in the same file
        .contains("io.opentelemetry.api.GlobalOpenTelemetry");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log)))
        .isEqualTo("rw-------");
    Files.delete(log);
  }

  @Test
  void verbosePrintsTheLogLinesOnStderr() throws Exception {
    Run run = demo("--verbose");

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("RESULT phase=Succeeded items=10")
        .contains("INFO io.javaoperatorsdk.operator.Operator")
        .doesNotContain("Logs: ");
  }

  private Run demo(String... extra) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "-cp",
                System.getProperty("java.class.path"),
                ComputeCaseLocal.class.getName(),
                "demo",
                "--dataset",
                DATASET.toString(),
                "--compute-ms",
                "10",
                "--workers",
                "1",
                "--report",
                tmp.toString()));
    command.addAll(List.of(extra));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    return new Run(process.waitFor(), output);
  }

  private record Run(int exit, String output) {
    List<String> lines() {
      return output.lines().toList();
    }
  }
}
