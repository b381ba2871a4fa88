package io.computecase.local.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.computecase.api.v1alpha1.ComputeCaseStatus;
import io.computecase.local.stack.EmbeddedStack;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

/**
 * Runs one generated case on the embedded stack and prints its makespan, measured from the
 * execution's start to its end as Step Functions records them, against the ideal.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure the makespan of one or more cases on the embedded stack.")
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String WARMUP_CASE = "bench-warmup";

  @Option(names = "--items", defaultValue = "1000", description = "Items in the case (default: ${DEFAULT-VALUE}).")
  int items;

  @Option(names = "--compute-ms", defaultValue = "5000", description = "Simulated computation per item in ms (default: ${DEFAULT-VALUE}).")
  long computeMs;

  @Option(names = "--cases", defaultValue = "1", description = "Cases applied at once, each of --items items (default: ${DEFAULT-VALUE}).")
  int cases;

  @Option(names = "--warmup-items", defaultValue = "2000", description = "Items of an unmeasured 0 ms case run first, so the figures are those of a warm stack, as a long-running one is; 0 measures a cold start (default: ${DEFAULT-VALUE}).")
  int warmupItems;

  @Option(names = "--timeout-s", defaultValue = "900", description = "Give up after this many seconds (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Mixin StackOptions stack;

  @Override
  public Integer call() throws Exception {
    if (items < 1) {
      throw new IllegalArgumentException("--items must be at least 1, got " + items);
    }
    if (computeMs < 0) {
      throw new IllegalArgumentException("--compute-ms must be 0 or more, got " + computeMs);
    }
    if (warmupItems < 0) {
      throw new IllegalArgumentException("--warmup-items must be 0 or more, got " + warmupItems);
    }
    if (cases < 1) {
      throw new IllegalArgumentException("--cases must be at least 1, got " + cases);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (HeapSampler heap = new HeapSampler();
        EmbeddedStack running = stack.start();
        StatusWriteCounter writes = new StatusWriteCounter(running.client(), "default", WARMUP_CASE);
        SfnClient sfn = sfnClient(running.aws().stepFunctionsEndpoint())) {
      if (warmupItems > 0) {
        warmUp(running, out);
      }
      List<CaseRun> runs = new ArrayList<>();
      List<Instant> applied = new ArrayList<>();
      for (int i = 0; i < cases; i++) {
        applied.add(Instant.now());
        String name = cases == 1 ? "bench-" + items : "bench-" + items + "-" + i;
        runs.add(CaseRun.create(running.client(), name, null, items, JSON.createObjectNode().put("computeMs", computeMs)));
      }
      ComputeCaseStatus first = runs.get(0).follow(new ProgressView(out), Duration.ofSeconds(timeoutSeconds));
      DemoCommand.printSummary(out, first);
      List<DescribeExecutionResponse> executions = new ArrayList<>();
      List<Long> createToStartMs = new ArrayList<>();
      double caseSeconds = 0;
      for (int i = 0; i < cases; i++) {
        ComputeCaseStatus status = i == 0 ? first : runs.get(i).follow(new ProgressView(new PrintWriter(java.io.Writer.nullWriter())), Duration.ofSeconds(timeoutSeconds));
        if (!"Succeeded".equals(status.getPhase())) {
          out.println("BENCH FAILED case=" + i + " phase=" + status.getPhase());
          return 1;
        }
        DescribeExecutionResponse execution = sfn.describeExecution(b -> b.executionArn(status.getExecutionArn()));
        executions.add(execution);
        createToStartMs.add(Duration.between(applied.get(i), execution.startDate()).toMillis());
        caseSeconds += Duration.between(applied.get(i), execution.stopDate()).toMillis() / 1000.0;
      }
      Instant start = executions.stream().map(DescribeExecutionResponse::startDate).min(Instant::compareTo).orElseThrow();
      Instant stop = executions.stream().map(DescribeExecutionResponse::stopDate).max(Instant::compareTo).orElseThrow();
      double makespan = Duration.between(start, stop).toNanos() / 1e9;
      long totalItems = (long) items * cases;
      long totalConcurrency = (long) stack.workers * stack.workerConcurrency;
      double ideal = Math.ceil((double) totalItems / totalConcurrency) * computeMs / 1000.0;
      Collections.sort(createToStartMs);
      out.printf(
          "CASES cases=%d create_to_start_p50_ms=%d create_to_start_p95_ms=%d status_writes_per_case_per_s=%.2f%n",
          cases,
          createToStartMs.get((createToStartMs.size() - 1) / 2),
          createToStartMs.get((int) Math.ceil(0.95 * createToStartMs.size()) - 1),
          writes.writes() / caseSeconds);
      out.printf(
          "BENCH items=%d compute_ms=%d makespan_s=%.3f ideal_s=%.3f items_per_s=%.1f peak_heap_mb=%.0f%n",
          totalItems, computeMs, makespan, ideal, totalItems / makespan, heap.peakMegabytes());
      return 0;
    }
  }

  /** Runs the unmeasured case whose work lets the JIT compile every hot path of the stack. */
  private void warmUp(EmbeddedStack running, PrintWriter out) throws InterruptedException {
    long started = System.nanoTime();
    ComputeCaseStatus status =
        CaseRun.create(running.client(), WARMUP_CASE, null, warmupItems, JSON.createObjectNode().put("computeMs", 0))
            .follow(new ProgressView(new PrintWriter(java.io.Writer.nullWriter())), Duration.ofSeconds(timeoutSeconds));
    out.printf(
        "WARMUP items=%d phase=%s seconds=%.1f (not measured)%n",
        warmupItems, status.getPhase(), (System.nanoTime() - started) / 1e9);
  }

  private static SfnClient sfnClient(URI endpoint) {
    return SfnClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(EmbeddedStack.REGION))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .build();
  }
}
