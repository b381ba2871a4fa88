package io.computecase.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The chaos figure, not a test: N items of C ms, two steady workers and one that is crashed ({@link
 * Worker#halt()}) and restarted every 2 s; checks every task token was answered exactly once and
 * reports the redeliveries. Run by hand: {@code java -cp <test classpath>
 * io.computecase.worker.ChaosProbe 1000 200}.
 */
public final class ChaosProbe {
  public static void main(String[] args) throws Exception {
    int items = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int computeMs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    try (TestingStack stack = new TestingStack(10, 5)) {
      List<String> tokens = new ArrayList<>();
      List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
      for (int i = 0; i < items; i++) {
        var detail =
            TestingStack.json(
                "{\"requestId\":\"chaos\",\"target\":\"t\",\"parameters\":{\"computeMs\":"
                    + computeMs
                    + "},\"traceparent\":\"\"}");
        detail.put("index", i);
        detail.set("item", TestingStack.json("{\"caseId\":\"" + i + "\"}"));
        String token = stack.sfn.issueToken();
        tokens.add(token);
        detail.put("taskToken", token);
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
      List<Worker> all = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        all.add(stack.start(stack.workerConfig("steady-" + w).concurrency(100).waitTimeSeconds(5)));
      }
      int restarts = 0;
      Worker victim =
          stack.start(stack.workerConfig("victim-0").concurrency(100).waitTimeSeconds(5));
      all.add(victim);
      while (stack.messagesLeft() > 0) {
        Thread.sleep(2000); // the chaos schedule itself
        victim.halt();
        victim =
            stack.start(
                stack.workerConfig("victim-" + ++restarts).concurrency(100).waitTimeSeconds(5));
        all.add(victim);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long answeredOnce = tokens.stream().filter(t -> stack.sfn.acceptedFor(t).size() == 1).count();
      long redeliveries = all.stream().mapToLong(w -> w.counters().redeliveries()).sum();
      long refused = all.stream().mapToLong(w -> w.counters().refused()).sum();
      long duplicates = all.stream().mapToLong(w -> w.counters().duplicates()).sum();
      System.out.printf(
          "CHAOS items=%d compute_ms=%d answered_once=%d restarts=%d redeliveries=%d refused=%d"
              + " duplicates=%d wall_s=%.1f%n",
          items, computeMs, answeredOnce, restarts, redeliveries, refused, duplicates, seconds);
      all.forEach(w -> w.stop(Duration.ZERO));
    }
    System.exit(0);
  }
}
