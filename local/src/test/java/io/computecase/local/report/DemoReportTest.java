package io.computecase.local.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.computecase.local.cli.ComputeCaseLocal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The demo writes its case's report and names it on a REPORT line just before the RESULT line. */
class DemoReportTest {

  @Test
  void theDemoWritesTheReportWhereAskedAndPrintsItsPath(@TempDir Path dir) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(new ComputeCaseLocal());
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    Path requested = dir.resolve("reports/demo.html");

    int exit =
        commandLine.execute(
            "demo",
            "--dataset",
            "../sample_data_sets/dataset_20.json",
            "--compute-ms",
            "10",
            "--workers",
            "1",
            "--worker-concurrency",
            "20",
            "--report",
            requested.toString());

    List<String> lines = out.toString().lines().toList();
    assertThat(exit).as(out + "\n" + err).isZero();
    assertThat(lines.get(lines.size() - 1)).startsWith("RESULT phase=Succeeded items=20");
    assertThat(lines.get(lines.size() - 2)).isEqualTo("REPORT " + requested.toAbsolutePath());
    String html = Files.readString(requested);
    assertThat(html)
        .contains("data-field=\"name\">demo-20<", "data-field=\"phase\">Succeeded<")
        .contains("data-field=\"total\">20<", "data-field=\"succeeded\">20<")
        .contains("<p data-failures=\"0\">No item failed.</p>");
    List<String> completed = CaseReportTest.points(html, "completed");
    assertThat(completed).isNotEmpty();
  }

  @Test
  void anUnwritableReportPathFailsBeforeTheStackStarts(@TempDir Path dir) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(new ComputeCaseLocal());
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    Path plainFile = Files.writeString(dir.resolve("notes.txt"), "not a folder");

    int exit =
        commandLine.execute(
            "demo",
            "--dataset",
            "../sample_data_sets/dataset_20.json",
            "--report",
            plainFile.resolve("demo.html").toString());

    assertThat(exit).isNotZero();
    assertThat(err.toString())
        .contains("--report: the report file", plainFile + " is a file, not a folder");
    assertThat(out.toString()).doesNotContain("Starting the embedded stack");
  }
}
