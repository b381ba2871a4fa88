package io.computecase.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What `up` refuses before it starts anything, each in one line that names the option. */
class UpCommandOptionsTest {
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
  void aRetentionOfNothingIsRefusedNamingTheOptions() {
    assertThat(run("up", "--keep-executions", "0")).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString())
        .contains("--keep-executions-days and --keep-executions must be at least 1");
  }

  @Test
  void theRetentionOptionsAreDocumentedWithTheirDefaults() {
    run("up", "--help");
    assertThat(out.toString())
        .contains("--keep-executions-days=DAYS")
        .contains("Default: 90.")
        .contains("--keep-executions=N")
        .contains("Default: 1000.");
  }
}
