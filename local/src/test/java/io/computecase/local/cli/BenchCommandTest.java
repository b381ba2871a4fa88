package io.computecase.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The bench as a user runs it: warm-up rounds, then the measured case and its BENCH line. */
class BenchCommandTest {
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
  void warmsUpInRoundsThenEndsWithTheBenchLine() {
    int exit =
        run(
            "bench",
            "--items",
            "30",
            "--compute-ms",
            "0",
            "--warmup-items",
            "10",
            "--warmup-rounds",
            "2",
            "--workers",
            "1",
            "--worker-concurrency",
            "10");

    assertThat(exit).as(out + "\n" + err).isZero();
    List<String> lines = out.toString().lines().toList();
    List<String> warmUps = lines.stream().filter(l -> l.startsWith("WARMUP ")).toList();
    assertThat(warmUps).isNotEmpty().hasSizeLessThanOrEqualTo(2);
    assertThat(warmUps.get(0))
        .matches(
            "WARMUP round=1 items=10 phase=Succeeded seconds=\\d+\\.\\d jit_seconds=(\\d+\\.\\d|unknown) \\(not measured\\)");
    assertThat(lines.get(lines.size() - 1))
        .matches(
            "BENCH items=30 compute_ms=0 makespan_s=\\d+\\.\\d{3} ideal_s=0\\.000 items_per_s=\\d+\\.\\d peak_heap_mb=\\d+");
  }

  @Test
  void noWarmUpMeasuresACold() {
    int exit =
        run(
            "bench",
            "--items",
            "5",
            "--compute-ms",
            "0",
            "--warmup-items",
            "0",
            "--workers",
            "1",
            "--worker-concurrency",
            "5");

    assertThat(exit).as(out + "\n" + err).isZero();
    assertThat(out.toString()).doesNotContain("WARMUP").contains("BENCH items=5 ");
  }

  @Test
  void zeroWarmUpRoundsAreRefusedNamingTheOption() {
    int exit = run("bench", "--warmup-rounds", "0");

    assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).contains("--warmup-rounds must be at least 1, got 0");
  }
}
