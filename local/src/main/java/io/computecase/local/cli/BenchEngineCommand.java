package io.computecase.local.cli;

import io.computecase.local.bench.EngineBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The Step Functions engine alone, in process: Map throughput and the memory of waiting tasks. */
@Command(
    name = "bench-engine",
    mixinStandardHelpOptions = true,
    description = "Benchmark the local Step Functions engine in process.")
final class BenchEngineCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--items",
      defaultValue = "10000",
      description = "Items of the Map (default: ${DEFAULT-VALUE}).")
  int items;

  @Override
  public Integer call() {
    if (items < 1) {
      throw new IllegalArgumentException("--items must be at least 1, got " + items);
    }
    var result = EngineBenchmark.run(items);
    spec.commandLine()
        .getOut()
        .printf(
            "ENGINE items=%d seconds=%.3f items_per_s=%.1f heap_mb_100k_waiting=%.1f%n",
            result.items(), result.seconds(), result.itemsPerSecond(), result.heapMb100kWaiting());
    return 0;
  }
}
