package io.computecase.local.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.computecase.api.v1alpha1.ComputeCaseStatus;
import io.computecase.local.stack.EmbeddedStack;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
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
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure one case's makespan on the embedded stack.")
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--items", defaultValue = "1000", description = "Items in the case (default: ${DEFAULT-VALUE}).")
  int items;

  @Option(names = "--compute-ms", defaultValue = "5000", description = "Simulated computation per item in ms (default: ${DEFAULT-VALUE}).")
  long computeMs;

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
    PrintWriter out = spec.commandLine().getOut();
    try (HeapSampler heap = new HeapSampler();
        EmbeddedStack running = stack.start()) {
      CaseRun run =
          CaseRun.create(
              running.client(), "bench-" + items, null, items, JSON.createObjectNode().put("computeMs", computeMs));
      ComputeCaseStatus status = run.follow(new ProgressView(out), Duration.ofSeconds(timeoutSeconds));
      DemoCommand.printSummary(out, status);
      if (!"Succeeded".equals(status.getPhase())) {
        out.println("BENCH FAILED phase=" + status.getPhase());
        return 1;
      }
      double makespan = makespanSeconds(running.aws().stepFunctionsEndpoint(), status.getExecutionArn());
      long totalConcurrency = (long) stack.workers * stack.workerConcurrency;
      double ideal = Math.ceil((double) items / totalConcurrency) * computeMs / 1000.0;
      out.printf(
          "BENCH items=%d compute_ms=%d makespan_s=%.3f ideal_s=%.3f items_per_s=%.1f peak_heap_mb=%.0f%n",
          items, computeMs, makespan, ideal, items / makespan, heap.peakMegabytes());
      return 0;
    }
  }

  private static double makespanSeconds(URI endpoint, String executionArn) {
    try (SfnClient sfn =
        SfnClient.builder()
            .endpointOverride(endpoint)
            .region(Region.of(EmbeddedStack.REGION))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .build()) {
      DescribeExecutionResponse execution = sfn.describeExecution(b -> b.executionArn(executionArn));
      return Duration.between(execution.startDate(), execution.stopDate()).toNanos() / 1e9;
    }
  }
}
