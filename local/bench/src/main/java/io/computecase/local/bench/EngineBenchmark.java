package io.computecase.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsJsonService;
import io.computecase.local.sfn.LocalStepFunctions;
import io.computecase.local.sfn.execution.Execution;
import io.computecase.local.sfn.execution.ExecutionStatus;
import io.computecase.local.sfn.execution.MapRun;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine measured on its own, in process, with history recorded as for any execution: a
 * Distributed Map over N items whose iteration is one Pass state, then 100,000 tasks waiting for
 * their tokens (ten Maps of 10,000, the most a Map runs at once) and the heap they hold after GC.
 */
public final class EngineBenchmark {
  /** How many waiting tasks the heap figure is measured for. */
  public static final int WAITING_TASKS = 100_000;

  private static final String PASS_MAP =
"""
{"QueryLanguage": "JSONata", "StartAt": "Items", "States": {
  "Items": {"Type": "Map", "Items": "{% [1..$states.input.count] %}",
    "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
      "StartAt": "Item", "States": {"Item": {"Type": "Pass", "Output": "{% $states.input %}", "End": true}}},
    "Output": "{% $count($states.result) %}", "End": true}}}
""";

  private static final String WAITING_MAP =
"""
{"QueryLanguage": "JSONata", "StartAt": "Items", "States": {
  "Items": {"Type": "Map", "Items": "{% [1..$states.input.count] %}",
    "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
      "StartAt": "Wait", "States": {"Wait": {"Type": "Task",
        "Resource": "arn:aws:states:::events:putEvents.waitForTaskToken",
        "Arguments": {"Entries": [{"Source": "bench", "DetailType": "Item",
          "Detail": {"item": "{% $states.input %}", "taskToken": "{% $states.context.Task.Token %}"}}]},
        "End": true}}},
    "End": true}}}
""";

  /** The figures of one run. */
  public record Result(
      int items, double seconds, double itemsPerSecond, double heapMb100kWaiting) {}

  private EngineBenchmark() {}

  public static Result run(int items) {
    AtomicLong putEvents = new AtomicLong();
    AwsJsonService bus =
        (operation, request) -> {
          putEvents.incrementAndGet();
          ObjectNode response = AwsJson.MAPPER.createObjectNode();
          response.putArray("Entries").addObject().put("EventId", "e" + putEvents.get());
          response.put("FailedEntryCount", 0);
          return response;
        };
    double seconds;
    double heapMb;
    try (LocalStepFunctions engine =
        LocalStepFunctions.builder().integration("events", bus).build()) {
      String passMachine = create(engine, "bench-pass", PASS_MAP);
      // A short first run lets the JIT compile the engine's paths, as any long-lived engine has.
      await(start(engine, passMachine, Math.min(items, 2_000)), 600);
      long started = System.nanoTime();
      Execution pass = start(engine, passMachine, items);
      ExecutionStatus end = await(pass, 600);
      seconds = (System.nanoTime() - started) / 1e9;
      if (!(end instanceof ExecutionStatus.Succeeded)) {
        throw new IllegalStateException("The Pass Map did not succeed: " + end);
      }
      heapMb = waitingHeap(engine);
    }
    return new Result(items, seconds, items / seconds, heapMb);
  }

  private static double waitingHeap(LocalStepFunctions engine) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    String machine = create(engine, "bench-waiting", WAITING_MAP);
    long before = usedAfterGc(memory);
    // A Distributed Map runs at most 10,000 children at once, as on AWS: ten of them wait.
    List<Execution> waiting = new ArrayList<>();
    for (int started = 0; started < WAITING_TASKS; started += MapRun.MAX_RUNNING_CHILDREN) {
      waiting.add(
          start(engine, machine, Math.min(MapRun.MAX_RUNNING_CHILDREN, WAITING_TASKS - started)));
    }
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (engine.engine().tokens().waitingCount() < WAITING_TASKS
        || waiting.stream().anyMatch(EngineBenchmark::putEventsPending)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Only " + engine.engine().tokens().waitingCount() + " tasks waiting after 5 minutes");
      }
      sleep(50);
    }
    long after = usedAfterGc(memory);
    for (Execution execution : waiting) {
      engine
          .api()
          .invoke(
              "StopExecution",
              AwsJson.MAPPER.createObjectNode().put("executionArn", execution.arn()));
    }
    return (after - before) / (1024.0 * 1024.0);
  }

  private static boolean putEventsPending(Execution waiting) {
    return waiting.mapRuns().isEmpty()
        || waiting.mapRuns().get(0).children().stream()
            .anyMatch(child -> child.history().size() < 5);
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
      sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static String create(LocalStepFunctions engine, String name, String definition) {
    ObjectNode request = AwsJson.MAPPER.createObjectNode();
    request.put("name", name);
    request.put("definition", definition);
    request.put("roleArn", "arn:aws:iam::000000000000:role/bench");
    return engine.api().invoke("CreateStateMachine", request).get("stateMachineArn").asText();
  }

  private static Execution start(LocalStepFunctions engine, String machine, int count) {
    ObjectNode request = AwsJson.MAPPER.createObjectNode();
    request.put("stateMachineArn", machine);
    request.put("input", "{\"count\":" + count + "}");
    JsonNode response = engine.api().invoke("StartExecution", request);
    return engine.engine().execution(response.get("executionArn").asText());
  }

  private static ExecutionStatus await(Execution execution, int seconds) {
    try {
      return execution.ended().get(seconds, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("The execution did not end in " + seconds + " s", e);
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

  /** Runs the benchmark: {@code [items]} (default 10,000). */
  public static void main(String[] args) {
    int items = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Result result = run(items);
    System.out.printf(
        "ENGINE items=%d seconds=%.2f items_per_s=%.0f heap_mb_100k_waiting=%.1f%n",
        result.items(), result.seconds(), result.itemsPerSecond(), result.heapMb100kWaiting());
  }
}
