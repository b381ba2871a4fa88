package io.computecase.local.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.LocalStepFunctions;
import io.computecase.local.sfn.execution.Execution;
import io.computecase.local.sfn.execution.ExecutionStatus;
import io.computecase.local.sfn.execution.MapRun;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Distributed Map of many items (100,000 to 1,000,000) on the engine alone, its items made inside
 * the machine: time, the peak of the heap (garbage included, sampled), the heap each finished child
 * still holds after GC, the most children running at once, and optionally the final snapshot of a
 * data directory (how long it took to write, the directory's size, how long a restart restores it).
 */
public final class MapScaleBenchmark {
  private static final String PASS_MAP =
"""
{"QueryLanguage": "JSONata", "StartAt": "Items", "States": {
  "Items": {"Type": "Map", "Items": "{% [1..$states.input.count] %}",
    "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
      "StartAt": "Item", "States": {"Item": {"Type": "Pass", "Output": "{% $states.input %}", "End": true}}},
    "Output": "{% $count($states.result) %}", "End": true}}}
""";

  /** The figures of one run. */
  public record Result(
      int items,
      double seconds,
      double itemsPerSecond,
      double peakHeapMb,
      double retainedBytesPerChild,
      long mostRunning,
      double snapshotSeconds,
      double snapshotMb,
      double restoreSeconds) {}

  private MapScaleBenchmark() {}

  /** Runs one Map of {@code items}; with {@code dataDirectory}, measures the final snapshot. */
  public static Result run(int items, Path dataDirectory) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    LocalStepFunctions.Builder builder = LocalStepFunctions.builder();
    if (dataDirectory != null) {
      // Only the final snapshot is measured: the periodic ones are kept out of the way.
      builder.dataDirectory(dataDirectory).snapshotInterval(Duration.ofHours(1));
    }
    LocalStepFunctions engine = builder.build();
    String machine = create(engine);
    // A short first run lets the JIT compile the engine's paths.
    await(start(engine, machine, Math.min(items, 2_000)));
    long before = usedAfterGc(memory);
    HeapSampler sampler = new HeapSampler(memory);
    sampler.start();
    long started = System.nanoTime();
    Execution execution = start(engine, machine, items);
    long mostRunning = 0;
    while (!execution.ended().isDone()) {
      for (MapRun run : execution.mapRuns()) {
        mostRunning = Math.max(mostRunning, run.executions().running());
      }
      sleep(20);
    }
    ExecutionStatus end = await(execution);
    double seconds = (System.nanoTime() - started) / 1e9;
    sampler.interrupt();
    if (!(end instanceof ExecutionStatus.Succeeded)) {
      throw new IllegalStateException("The Map did not succeed: " + end);
    }
    long after = usedAfterGc(memory);
    // For a heap histogram of what the finished children hold (jcmd <pid> GC.class_histogram).
    sleep(Long.getLong("scale.holdMillis", 0L));
    // Nothing of the closed engine may stay reachable while a restart restores its data.
    String executionArn = execution.arn();
    execution = null;
    double snapshotSeconds = 0;
    double snapshotMb = 0;
    long closing = System.nanoTime();
    engine.close();
    engine = null;
    double restoreSeconds = 0;
    if (dataDirectory != null) {
      snapshotSeconds = (System.nanoTime() - closing) / 1e9;
      snapshotMb = directoryBytes(dataDirectory) / (1024.0 * 1024.0);
      long restoring = System.nanoTime();
      try (LocalStepFunctions restored =
          LocalStepFunctions.builder()
              .dataDirectory(dataDirectory)
              .snapshotInterval(Duration.ofHours(1))
              .build()) {
        restoreSeconds = (System.nanoTime() - restoring) / 1e9;
        Execution again = restored.engine().execution(executionArn);
        long children = again.mapRuns().get(0).children().size();
        if (children != items) {
          throw new IllegalStateException("Restored " + children + " children of " + items);
        }
      }
    }
    return new Result(
        items,
        seconds,
        items / seconds,
        sampler.peak / (1024.0 * 1024.0),
        (after - before) / (double) items,
        mostRunning,
        snapshotSeconds,
        snapshotMb,
        restoreSeconds);
  }

  /** Samples the heap in use (garbage included) every few milliseconds and keeps the peak. */
  private static final class HeapSampler extends Thread {
    private final MemoryMXBean memory;
    private volatile long peak;

    HeapSampler(MemoryMXBean memory) {
      super("heap-sampler");
      setDaemon(true);
      this.memory = memory;
    }

    @Override
    public void run() {
      while (!isInterrupted()) {
        peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private static long directoryBytes(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).mapToLong(MapScaleBenchmark::size).sum();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
      sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static String create(LocalStepFunctions engine) {
    ObjectNode request = AwsJson.MAPPER.createObjectNode();
    request.put("name", "bench-scale");
    request.put("definition", PASS_MAP);
    request.put("roleArn", "arn:aws:iam::000000000000:role/bench");
    return engine.api().invoke("CreateStateMachine", request).get("stateMachineArn").asText();
  }

  private static Execution start(LocalStepFunctions engine, String machine, int count) {
    ObjectNode request = AwsJson.MAPPER.createObjectNode();
    request.put("stateMachineArn", machine);
    request.put("input", "{\"count\":" + count + "}");
    String arn = engine.api().invoke("StartExecution", request).get("executionArn").asText();
    return engine.engine().execution(arn);
  }

  private static ExecutionStatus await(Execution execution) {
    try {
      return execution.ended().get(60, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new IllegalStateException("The execution did not end in 60 minutes", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code <items> [data directory]}: prints one SCALE line. */
  public static void main(String[] args) {
    int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path data = args.length > 1 ? Path.of(args[1]) : null;
    Result r = run(items, data);
    System.out.printf(
        "SCALE items=%d seconds=%.1f items_per_s=%.0f peak_heap_mb=%.0f retained_bytes_per_child=%.0f"
            + " most_running=%d snapshot_s=%.2f data_dir_mb=%.1f restore_s=%.2f max_heap_mb=%d%n",
        r.items(),
        r.seconds(),
        r.itemsPerSecond(),
        r.peakHeapMb(),
        r.retainedBytesPerChild(),
        r.mostRunning(),
        r.snapshotSeconds(),
        r.snapshotMb(),
        r.restoreSeconds(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }
}
