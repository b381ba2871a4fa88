package io.computecase.local.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.computecase.api.v1alpha1.ComputeCaseStatus;
import io.computecase.local.stack.EmbeddedStack;
import java.io.PrintWriter;
import java.io.Writer;
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
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure the makespan of one or more cases on the embedded stack.")
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String WARMUP_CASE = "bench-warmup";

  @Option(
      names = "--items",
      defaultValue = "1000",
      description = "Items in the case (default: ${DEFAULT-VALUE}).")
  int items;

  @Option(
      names = "--compute-ms",
      defaultValue = "5000",
      description = "Simulated computation per item in ms (default: ${DEFAULT-VALUE}).")
  long computeMs;

  @Option(
      names = "--cases",
      defaultValue = "1",
      description = "Cases applied at once, each of --items items (default: ${DEFAULT-VALUE}).")
  int cases;

  @Option(
      names = "--warmup-items",
      defaultValue = "2000",
      description =
          "Items of each unmeasured 0 ms warm-up case, so the figures are those of a warm stack, as a long-running one is; 0 measures a cold start (default: ${DEFAULT-VALUE}).")
  int warmupItems;

  @Option(
      names = "--warmup-rounds",
      defaultValue = "10",
      description =
          "Most warm-up cases to run: they go on until the JIT compiler is quiet, using under "
              + JitActivity.QUIET_PERCENT
              + "% of the last one's time (default: ${DEFAULT-VALUE}).")
  int warmupRounds;

  @Option(
      names = "--timeout-s",
      defaultValue = "900",
      description = "Give up after this many seconds (default: ${DEFAULT-VALUE}).")
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
    if (warmupRounds < 1) {
      throw new IllegalArgumentException("--warmup-rounds must be at least 1, got " + warmupRounds);
    }
    if (cases < 1) {
      throw new IllegalArgumentException("--cases must be at least 1, got " + cases);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (HeapSampler heap = new HeapSampler();
        EmbeddedStack running = stack.start();
        StatusWriteCounter writes =
            new StatusWriteCounter(running.client(), "default", WARMUP_CASE);
        SfnClient sfn = sfnClient(running.aws().stepFunctionsEndpoint())) {
      if (warmupItems > 0) {
        warmUp(running, out);
      }
      List<CaseRun> runs = new ArrayList<>();
      List<Instant> applied = new ArrayList<>();
      for (int i = 0; i < cases; i++) {
        applied.add(Instant.now());
        String name = cases == 1 ? "bench-" + items : "bench-" + items + "-" + i;
        runs.add(
            CaseRun.create(
                running.client(),
                name,
                null,
                items,
                JSON.createObjectNode().put("computeMs", computeMs)));
      }
      ComputeCaseStatus first =
          runs.get(0).follow(new ProgressView(out), Duration.ofSeconds(timeoutSeconds));
      DemoCommand.printSummary(out, first);
      List<DescribeExecutionResponse> executions = new ArrayList<>();
      List<Long> createToStartMs = new ArrayList<>();
      double caseSeconds = 0;
      for (int i = 0; i < cases; i++) {
        ComputeCaseStatus status =
            i == 0
                ? first
                : runs.get(i)
                    .follow(
                        new ProgressView(new PrintWriter(Writer.nullWriter())),
                        Duration.ofSeconds(timeoutSeconds));
        if (!"Succeeded".equals(status.getPhase())) {
          out.println("BENCH FAILED case=" + i + " phase=" + status.getPhase());
          return 1;
        }
        DescribeExecutionResponse execution =
            sfn.describeExecution(b -> b.executionArn(status.getExecutionArn()));
        executions.add(execution);
        createToStartMs.add(Duration.between(applied.get(i), execution.startDate()).toMillis());
        caseSeconds += Duration.between(applied.get(i), execution.stopDate()).toMillis() / 1000.0;
      }
      Instant start =
          executions.stream()
              .map(DescribeExecutionResponse::startDate)
              .min(Instant::compareTo)
              .orElseThrow();
      Instant stop =
          executions.stream()
              .map(DescribeExecutionResponse::stopDate)
              .max(Instant::compareTo)
              .orElseThrow();
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

  /**
   * Runs unmeasured cases until the JIT compiler has caught up with the stack's hot paths. A single
   * 2,000-item case leaves it seconds of compiling still queued, which the measured case would
   * otherwise pay for (measured: 2.6 s of compilation inside the next 10,000-item case, 0.4 s in
   * the one after, 0.2 s in the third).
   */
  private void warmUp(EmbeddedStack running, PrintWriter out) throws InterruptedException {
    JitActivity jit = new JitActivity();
    for (int round = 1; round <= warmupRounds; round++) {
      jit.startInterval();
      String name = round == 1 ? WARMUP_CASE : WARMUP_CASE + "-" + round;
      ComputeCaseStatus status =
          CaseRun.create(
                  running.client(),
                  name,
                  null,
                  warmupItems,
                  JSON.createObjectNode().put("computeMs", 0))
              .follow(
                  new ProgressView(new PrintWriter(Writer.nullWriter())),
                  Duration.ofSeconds(timeoutSeconds));
      JitActivity.Interval interval = jit.endInterval();
      out.printf(
          "WARMUP round=%d items=%d phase=%s seconds=%.1f jit_seconds=%s (not measured)%n",
          round, warmupItems, status.getPhase(), interval.seconds(), interval.compileSecondsText());
      if (!"Succeeded".equals(status.getPhase()) || interval.quiet()) {
        return;
      }
    }
  }

  private static SfnClient sfnClient(URI endpoint) {
    return SfnClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(EmbeddedStack.REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .build();
  }
}
