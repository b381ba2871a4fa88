package io.computecase.local.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * Measures events per second from PutEvents (SDK over HTTP, several callers) until all are in SQS,
 * and the latency of a lone event. A command, not a test: {@code java -cp <test classpath>
 * io.computecase.local.events.PutEventsThroughput [events] [callers]}.
 */
public final class PutEventsThroughput {
  private PutEventsThroughput() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int callers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    try (TestBed bed = TestBed.start()) {
      String url = bed.createQueue("computecase-bench");
      bed.events.putRule(
          b -> b.name("computecase-bench").eventPattern("{\"detail\":{\"target\":[\"bench\"]}}"));
      bed.events.putTargets(
          b ->
              b.rule("computecase-bench")
                  .targets(t -> t.id("queue").arn(TestBed.queueArn("computecase-bench"))));
      for (int round = 0; round < 4; round++) {
        boolean inProcess = round % 2 == 0;
        long start = System.nanoTime();
        put(bed, events, callers, inProcess);
        long accepted = System.nanoTime();
        awaitDepth(bed, url, events, 200);
        long delivered = System.nanoTime();
        bed.sqs.purgeQueue(b -> b.queueUrl(url));
        System.out.printf(
            "%s PutEvents, %d events, %d callers: accepted %.0f/s, delivered to SQS %.0f/s (%.2f"
                + " s)%n",
            inProcess ? "in-process" : "HTTP (SDK)",
            events,
            callers,
            events / seconds(accepted - start),
            events / seconds(delivered - start),
            seconds(delivered - start));
      }
      List<Long> latencies = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        long start = System.nanoTime();
        put(bed, 1, 1, true);
        awaitDepth(bed, url, 1, 1);
        latencies.add((System.nanoTime() - start) / 1_000);
        bed.sqs.purgeQueue(b -> b.queueUrl(url));
      }
      latencies.sort(null);
      System.out.printf(
          "lone event in-process PutEvents->visible in SQS: p50 %d us, p90 %d us%n",
          latencies.get(25), latencies.get(45));
    }
  }

  private static void awaitDepth(TestBed bed, String url, int events, long pollMillis)
      throws InterruptedException {
    while (bed.depth(url) < events) {
      Thread.sleep(pollMillis);
    }
  }

  private static void put(TestBed bed, int events, int callers, boolean inProcess)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    List<Future<?>> calls = new ArrayList<>();
    for (int first = 0; first < events; first += 10) {
      int from = first;
      calls.add(
          pool.submit(
              () -> {
                List<PutEventsRequestEntry> entries = new ArrayList<>();
                for (int i = from; i < Math.min(from + 10, events); i++) {
                  entries.add(
                      PutEventsRequestEntry.builder()
                          .source("computecase.io")
                          .detailType("ComputeCaseItem")
                          .detail(
                              "{\"target\":\"bench\",\"index\":"
                                  + i
                                  + ",\"item\":{\"caseId\":\""
                                  + i
                                  + "\"}}")
                          .build());
                }
                if (inProcess) {
                  ObjectNode request = AwsJson.MAPPER.createObjectNode();
                  ArrayNode array = request.putArray("Entries");
                  entries.forEach(
                      e ->
                          array
                              .addObject()
                              .put("Source", e.source())
                              .put("DetailType", e.detailType())
                              .put("Detail", e.detail()));
                  bed.bridge.api().invoke("PutEvents", request);
                } else {
                  bed.events.putEvents(b -> b.entries(entries));
                }
              }));
    }
    for (Future<?> call : calls) {
      call.get();
    }
    pool.shutdown();
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
