package io.computecase.local.events.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsJsonService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers to one SQS queue in order of arrival: each SendMessageBatch takes the next (up to 10, at
 * most 256 KiB) waiting events, so a burst costs few round trips while a lone event leaves at once.
 * A FIFO queue gets one batch in flight at a time, so its order is exactly the order of arrival; a
 * standard queue (which does not keep order on receive anyway) gets a few, so one queue is not held
 * to one round trip at a time. Runs on the shared delivery executor.
 */
final class SqsQueueChannel implements TargetChannel {
  private static final int MAX_BATCH = 10;
  private static final int MAX_BATCH_BYTES = 256 * 1024;
  private static final int STANDARD_IN_FLIGHT = 8;

  private final String queueArn;
  private final boolean fifo;
  private final AwsJsonService sqs;
  private final QueueUrls queueUrls;
  private final RetryPlanner retries;
  private final Executor executor;
  private final ConcurrentLinkedQueue<Delivery> pending = new ConcurrentLinkedQueue<>();
  private final int maxInFlight;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger waiting = new AtomicInteger();

  SqsQueueChannel(
      String queueArn,
      AwsJsonService sqs,
      QueueUrls queueUrls,
      RetryPlanner retries,
      Executor executor) {
    this.queueArn = queueArn;
    this.fifo = queueArn.endsWith(".fifo");
    this.maxInFlight = fifo ? 1 : STANDARD_IN_FLIGHT;
    this.sqs = sqs;
    this.queueUrls = queueUrls;
    this.retries = retries;
    this.executor = executor;
  }

  @Override
  public void offer(Delivery delivery) {
    pending.add(delivery);
    waiting.incrementAndGet();
    startSending();
  }

  /** Whether nothing waits to be sent and no batch is in flight. */
  boolean idle() {
    return waiting.get() == 0 && inFlight.get() == 0;
  }

  private void startSending() {
    while (true) {
      int current = inFlight.get();
      // Another batch only when the ones in flight cannot take all that waits.
      if (current >= maxInFlight || current * MAX_BATCH >= waiting.get()) {
        return;
      }
      if (inFlight.compareAndSet(current, current + 1)) {
        executor.execute(this::sendOneBatch);
      }
    }
  }

  private void sendOneBatch() {
    try {
      List<Delivery> batch;
      synchronized (pending) {
        // Batches are taken one at a time, so each holds consecutive events.
        batch = takeBatch();
      }
      if (!batch.isEmpty()) {
        send(batch);
      }
    } finally {
      inFlight.decrementAndGet();
      // Re-submitting per batch keeps one busy queue from starving the others on the executor.
      startSending();
    }
  }

  private List<Delivery> takeBatch() {
    List<Delivery> batch = new ArrayList<>(MAX_BATCH);
    int bytes = 0;
    while (batch.size() < MAX_BATCH) {
      Delivery next = pending.peek();
      if (next == null) {
        break;
      }
      int size = next.payload().getBytes(StandardCharsets.UTF_8).length;
      if (!batch.isEmpty() && bytes + size > MAX_BATCH_BYTES) {
        break;
      }
      batch.add(pending.poll());
      waiting.decrementAndGet();
      bytes += size;
    }
    return batch;
  }

  private void send(List<Delivery> batch) {
    JsonNode answer;
    try {
      ObjectNode request = AwsJson.MAPPER.createObjectNode();
      request.put("QueueUrl", queueUrls.url(queueArn));
      ArrayNode entries = request.putArray("Entries");
      for (int i = 0; i < batch.size(); i++) {
        Delivery delivery = batch.get(i);
        ObjectNode entry =
            entries
                .addObject()
                .put("Id", Integer.toString(i))
                .put("MessageBody", delivery.payload());
        if (fifo) {
          entry.put("MessageGroupId", delivery.target().messageGroupId());
          entry.put("MessageDeduplicationId", delivery.event().id());
        }
      }
      answer = sqs.invoke("SendMessageBatch", request);
    } catch (RuntimeException e) {
      DeliveryError error = DeliveryError.of(e);
      if ("NO_RESOURCE".equals(error.code())) {
        queueUrls.forget(queueArn);
      }
      batch.forEach(delivery -> retries.failed(delivery, error));
      return;
    }
    for (JsonNode failed : answer.path("Failed")) {
      Delivery delivery = batch.get(Integer.parseInt(failed.path("Id").asText()));
      retries.failed(
          delivery,
          DeliveryError.ofBatchEntry(
              failed.path("Code").asText(),
              failed.path("Message").asText(),
              failed.path("SenderFault").asBoolean()));
    }
  }
}
