package io.computecase.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A worker on the default target's queue that answers each item event as a script says, given the
 * item's caseId and which delivery of that caseId it is (1 for the first event, 2 for a retry,
 * ...). Started by {@link OperatorTestStack#startWorker}, which closes it.
 */
public final class TestingWorker implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the worker does with one item event. */
  public sealed interface Answer {
    /** SendTaskSuccess with the contract's output and this duration. */
    record Succeed(long durationMs) implements Answer {}

    /** SendTaskFailure with this error and cause. */
    record Fail(String error, String cause) implements Answer {}

    /** Never answers nor heartbeats, as a hung worker. */
    record Silent() implements Answer {}

    /** Heartbeats this many times, every intervalMs, then succeeds: a long but live item. */
    record HeartbeatThenSucceed(int heartbeats, long intervalMs, long durationMs)
        implements Answer {}
  }

  /** The answer for a caseId's n-th event. */
  @FunctionalInterface
  public interface Script {
    Answer answer(String caseId, int delivery);
  }

  private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> lastDetail = new ConcurrentHashMap<>();
  private final AtomicBoolean working = new AtomicBoolean(true);
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final Thread thread;

  TestingWorker(OperatorTestStack stack, Script script) {
    thread =
        new Thread(
            () -> {
              try (SqsClient sqs = stack.sqs();
                  SfnClient sfn = stack.sfnClient()) {
                String url = sqs.getQueueUrl(r -> r.queueName("computecase-default")).queueUrl();
                while (working.get()) {
                  for (Message m :
                      sqs.receiveMessage(
                              r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                          .messages()) {
                    try {
                      answer(sfn, JSON.readTree(m.body()).path("detail"), script);
                    } catch (TaskTimedOutException | TaskDoesNotExistException gone) {
                      // nobody waits any more (e.g. the Map Run failed and stopped this item),
                      // as a real worker is told; its answer is dropped
                    }
                    sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
                  }
                }
              } catch (Exception e) {
                if (working.get()) {
                  throw new IllegalStateException(e);
                }
              }
            },
            "testing-worker");
    thread.start();
  }

  private void answer(SfnClient sfn, JsonNode detail, Script script) {
    String token = detail.path("taskToken").asText();
    String caseId = detail.path("item").path("caseId").asText();
    lastDetail.put(caseId, detail);
    int delivery = deliveries.computeIfAbsent(caseId, k -> new AtomicInteger()).incrementAndGet();
    Answer answer = script.answer(caseId, delivery);
    if (answer instanceof Answer.Succeed ok) {
      String output =
          JSON.createObjectNode()
              .put("index", detail.path("index").asInt())
              .put("caseId", caseId)
              .put("result", "ok")
              .put("durationMs", ok.durationMs())
              .put("worker", "testing")
              .toString();
      sfn.sendTaskSuccess(r -> r.taskToken(token).output(output));
    } else if (answer instanceof Answer.HeartbeatThenSucceed live) {
      keepAlive(sfn, detail, token, caseId, live, live.heartbeats());
    } else if (answer instanceof Answer.Fail failure) {
      sfn.sendTaskFailure(r -> r.taskToken(token).error(failure.error()).cause(failure.cause()));
    }
  }

  /** Heartbeats on a timer, not on the polling thread, then answers success. */
  private void keepAlive(
      SfnClient sfn,
      JsonNode detail,
      String token,
      String caseId,
      Answer.HeartbeatThenSucceed live,
      int left) {
    timer.schedule(
        () -> {
          try {
            if (left > 0) {
              sfn.sendTaskHeartbeat(r -> r.taskToken(token));
              keepAlive(sfn, detail, token, caseId, live, left - 1);
            } else {
              sfn.sendTaskSuccess(
                  r ->
                      r.taskToken(token)
                          .output(
                              JSON.createObjectNode()
                                  .put("index", detail.path("index").asInt())
                                  .put("caseId", caseId)
                                  .put("result", "ok")
                                  .put("durationMs", live.durationMs())
                                  .put("worker", "testing")
                                  .toString()));
            }
          } catch (TaskTimedOutException | TaskDoesNotExistException gone) {
            // the item already failed; the test sees that on the case's status
          }
        },
        // the first heartbeat at once: the window started when the task did, before delivery
        left == live.heartbeats() ? 0 : live.intervalMs(),
        TimeUnit.MILLISECONDS);
  }

  /** How many events the worker received for this caseId. */
  public int deliveries(String caseId) {
    AtomicInteger n = deliveries.get(caseId);
    return n == null ? 0 : n.get();
  }

  /** The detail of the last event received for this caseId, or a missing node. */
  public JsonNode lastDetail(String caseId) {
    return lastDetail.getOrDefault(caseId, JSON.missingNode());
  }

  @Override
  public void close() {
    working.set(false);
    timer.shutdownNow();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
