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
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers to one SQS queue in order of arrival: one SendMessageBatch in flight at a time, each
 * taking up to 10 waiting events (and at most 256 KiB), so a burst costs few round trips while a
 * lone event leaves at once. Runs on the shared delivery executor, never on the caller's thread.
 */
final class SqsQueueChannel implements TargetChannel {
  private static final int MAX_BATCH = 10;
  private static final int MAX_BATCH_BYTES = 256 * 1024;

  private final String queueArn;
  private final boolean fifo;
  private final AwsJsonService sqs;
  private final QueueUrls queueUrls;
  private final RetryPlanner retries;
  private final Executor executor;
  private final ConcurrentLinkedQueue<Delivery> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean sending = new AtomicBoolean();

  SqsQueueChannel(
      String queueArn, AwsJsonService sqs, QueueUrls queueUrls, RetryPlanner retries, Executor executor) {
    this.queueArn = queueArn;
    this.fifo = queueArn.endsWith(".fifo");
    this.sqs = sqs;
    this.queueUrls = queueUrls;
    this.retries = retries;
    this.executor = executor;
  }

  @Override
  public void offer(Delivery delivery) {
    pending.add(delivery);
    startSending();
  }

  private void startSending() {
    if (!pending.isEmpty() && sending.compareAndSet(false, true)) {
      executor.execute(this::sendOneBatch);
    }
  }

  private void sendOneBatch() {
    try {
      List<Delivery> batch = takeBatch();
      if (!batch.isEmpty()) {
        send(batch);
      }
    } finally {
      sending.set(false);
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
        ObjectNode entry = entries.addObject().put("Id", Integer.toString(i)).put("MessageBody", delivery.payload());
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
              failed.path("Code").asText(), failed.path("Message").asText(), failed.path("SenderFault").asBoolean()));
    }
  }
}
