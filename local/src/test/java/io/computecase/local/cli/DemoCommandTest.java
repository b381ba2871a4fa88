package io.computecase.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The demo as a user runs it: a dataset in, progress and a RESULT line out, exit 0 on success. */
class DemoCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = new CommandLine(new ComputeCaseLocal());
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setExecutionExceptionHandler(ComputeCaseLocal.USER_ERRORS);
    return commandLine.execute(args);
  }

  @Test
  void demoRunsADatasetToSuccessAndEndsWithTheResultLine() {
    int exit =
        run(
            "demo",
            "--dataset",
            "../sample_data_sets/dataset_20.json",
            "--compute-ms",
            "10",
            "--workers",
            "1",
            "--worker-concurrency",
            "20");

    List<String> lines = out.toString().lines().toList();
    assertThat(exit).as(out + "\n" + err).isZero();
    assertThat(lines.get(lines.size() - 1))
        .matches("RESULT phase=Succeeded items=20 succeeded=20 failed=0 wall_s=\\d+\\.\\d\\d");
    assertThat(out.toString()).contains("Item duration ms: min ");
  }

  @Test
  void aMissingDatasetIsRefusedNamingTheOption() {
    int exit = run("demo", "--dataset", "no/such/dataset.json");

    assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).contains("--dataset").contains("no/such/dataset.json");
  }

  @Test
  void aNegativeComputeTimeIsRefusedNamingTheOption() {
    int exit = run("demo", "--compute-ms", "-5");

    assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).contains("--compute-ms must be 0 or more");
  }
}
