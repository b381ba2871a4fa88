package io.computecase.local.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.api.v1alpha1.ComputeCaseStatus;
import io.computecase.api.v1alpha1.ItemFailure;
import io.computecase.api.v1alpha1.Summary;
import io.computecase.local.report.CaseReport;
import io.computecase.local.report.ReportDestination;
import io.computecase.local.stack.EmbeddedStack;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs one ComputeCase from a dataset on the embedded stack, shows its progress and summary. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run a ComputeCase from a dataset on the embedded stack.")
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(
      names = "--dataset",
      description =
          "Dataset file (original format or a JSON array); default: the bundled dataset_100.json.")
  Path dataset;

  @Option(
      names = "--compute-ms",
      defaultValue = "5000",
      description = "Simulated computation per item in ms (default: ${DEFAULT-VALUE}).")
  long computeMs;

  @Option(
      names = "--timeout-s",
      defaultValue = "600",
      description = "Give up after this many seconds (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description =
          "Write the case's HTML report here (a folder gets <case>.html); default: a new temporary folder.")
  Path report;

  @Mixin StackOptions stack;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (computeMs < 0) {
      throw new IllegalArgumentException("--compute-ms must be 0 or more, got " + computeMs);
    }
    Datasets.Dataset data =
        dataset == null ? Datasets.bundled("dataset_100.json") : Datasets.read(dataset);
    String name = "demo-" + data.items().size();
    Path reportFile = chooseReportFile(name);
    out.printf(
        "Starting the embedded stack (%d workers x %d concurrency)...%n",
        stack.workers, stack.workerConcurrency);
    try (EmbeddedStack running = stack.start()) {
      out.printf(
          "Step Functions %s, EventBridge %s, SQS %s, Kubernetes %s%n",
          running.aws().stepFunctionsEndpoint(),
          running.aws().eventsEndpoint(),
          running.aws().sqsEndpoint(),
          running.kubernetesUrl());
      List<ObjectNode> items = new ArrayList<>();
      data.items()
          .forEach(item -> items.add((ObjectNode) item)); // Datasets checked each is an object
      ObjectNode parameters = JSON.createObjectNode().put("computeMs", computeMs);
      out.printf("Applying ComputeCase %s: %d items x %d ms%n", name, items.size(), computeMs);
      CaseRun run = CaseRun.create(running.client(), name, items, null, parameters);
      ComputeCaseStatus status =
          run.follow(new ProgressView(out), Duration.ofSeconds(timeoutSeconds));
      printSummary(out, status);
      out.println("REPORT " + writeReport(reportFile, status, run, name));
      String phase = status.getPhase() == null ? "Pending" : status.getPhase();
      Summary s = status.getSummary();
      out.printf(
          "RESULT phase=%s items=%d succeeded=%d failed=%d wall_s=%.2f%n",
          phase,
          items.size(),
          s == null ? 0 : s.getSucceeded(),
          s == null ? 0 : s.getFailed(),
          s == null || s.getWallSeconds() == null ? 0.0 : s.getWallSeconds());
      return "Succeeded".equals(phase) ? 0 : 1;
    }
  }

  private Path chooseReportFile(String name) throws IOException {
    try {
      return ReportDestination.choose(report, name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--report: " + e.getMessage(), e);
    }
  }

  private Path writeReport(Path file, ComputeCaseStatus status, CaseRun run, String name)
      throws IOException {
    try {
      return new CaseReport(name, status, run.timeline().samples()).writeTo(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--report cannot write " + file + " (" + e + "); give a writable file or folder", e);
    }
  }

  static void printSummary(PrintWriter out, ComputeCaseStatus status) {
    out.println(
        "Phase: "
            + status.getPhase()
            + (status.getMessage() == null ? "" : " (" + status.getMessage() + ")"));
    Summary s = status.getSummary();
    if (s == null) {
      out.println("No summary was recorded.");
      return;
    }
    out.printf(
        "Summary: %d items, %d succeeded, %d failed, wall %.2f s%n",
        s.getTotal(),
        s.getSucceeded(),
        s.getFailed(),
        s.getWallSeconds() == null ? 0.0 : s.getWallSeconds());
    if (s.getDurationMs() != null) {
      out.printf(
          "Item duration ms: min %.0f, p50 %.0f, p95 %.0f, max %.0f%n",
          s.getDurationMs().getMin(),
          s.getDurationMs().getP50(),
          s.getDurationMs().getP95(),
          s.getDurationMs().getMax());
    }
    for (ItemFailure f : s.getFailures()) {
      out.printf(
          "  failed item %d (caseId %s): %s: %s%n",
          f.getIndex(), f.getCaseId(), f.getError(), f.getCause());
    }
  }
}
