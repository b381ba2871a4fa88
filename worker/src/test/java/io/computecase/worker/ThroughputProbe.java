package io.computecase.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Measures the workers' own throughput, not a test: N items of 0 ms already queued, W in-process
 * workers of concurrency C, the Step Functions fake answering. Run by hand: {@code java -cp <test
 * classpath> io.computecase.worker.ThroughputProbe 1000 4 250}.
 */
public final class ThroughputProbe {
  public static void main(String[] args) throws Exception {
    int items = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int workers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 250;
    int waitSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    try (TestingStack stack = new TestingStack()) {
      List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
      for (int i = 0; i < items; i++) {
        var detail =
            TestingStack.json(
                "{\"requestId\":\"probe\",\"target\":\"t\",\"parameters\":{\"computeMs\":0},\"traceparent\":\"\"}");
        detail.put("index", i);
        detail.set("item", TestingStack.json("{\"caseId\":\"" + i + "\"}"));
        detail.put("taskToken", stack.sfn.issueToken());
        batch.add(
            SendMessageBatchRequestEntry.builder()
                .id("m" + batch.size())
                .messageBody(TestingStack.envelope(detail).toString())
                .build());
        if (batch.size() == 10 || i == items - 1) {
          List<SendMessageBatchRequestEntry> entries = List.copyOf(batch);
          stack.sqs.sendMessageBatch(b -> b.queueUrl(stack.queueUrl).entries(entries));
          batch.clear();
        }
      }
      long start = System.nanoTime();
      List<Worker> started = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        started.add(
            stack.start(
                stack
                    .workerConfig("probe-" + w)
                    .concurrency(concurrency)
                    .waitTimeSeconds(waitSeconds)));
      }
      while (stack.sfn.accepted("SendTaskSuccess").size() < items) {
        Thread.sleep(5); // a probe's own polling, not a test
      }
      double answeredSeconds = (System.nanoTime() - start) / 1e9;
      while (stack.messagesLeft() > 0) {
        Thread.sleep(5);
      }
      double deletedSeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "PROBE items=%d workers=%d concurrency=%d answered_s=%.3f deleted_s=%.3f"
              + " items_per_s=%.0f%n",
          items, workers, concurrency, answeredSeconds, deletedSeconds, items / answeredSeconds);
      started.forEach(w -> System.out.println(w.workerId() + " " + w.counters()));
      started.forEach(w -> w.stop(Duration.ZERO));
    }
    System.exit(0);
  }
}
