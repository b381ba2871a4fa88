package io.computecase.local.events.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsJsonService;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes undeliverable events to their target's dead-letter queue with the message attributes
 * EventBridge adds (RULE_ARN, TARGET_ARN, ERROR_CODE, ERROR_MESSAGE, EXHAUSTED_RETRY_CONDITION,
 * RETRY_ATTEMPTS); the body is the event. Without a dead-letter queue the event is dropped.
 */
final class DeadLetters {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

  private final AwsJsonService sqs;
  private final QueueUrls queueUrls;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();

  DeadLetters(AwsJsonService sqs, QueueUrls queueUrls) {
    this.sqs = sqs;
    this.queueUrls = queueUrls;
  }

  /**
   * @param exhaustedCondition the RetryPolicy limit that ended retries, or null when the error is
   *     not retried at all
   */
  void send(Delivery delivery, DeliveryError error, String exhaustedCondition) {
    String dlqArn = delivery.target().deadLetterArn();
    if (dlqArn == null || sqs == null) {
      dropped.incrementAndGet();
      LOG.warn(
          "Dropped event {} for target {} of rule {}: {} {}",
          delivery.event().id(),
          delivery.target().id(),
          delivery.rule().arn(),
          error.code(),
          error.message());
      return;
    }
    ObjectNode request = AwsJson.MAPPER.createObjectNode();
    ObjectNode attributes = request.putObject("MessageAttributes");
    attribute(attributes, "RULE_ARN", delivery.rule().arn());
    attribute(attributes, "TARGET_ARN", delivery.target().arn());
    attribute(attributes, "ERROR_CODE", error.code());
    attribute(attributes, "ERROR_MESSAGE", error.message());
    if (exhaustedCondition != null) {
      attribute(attributes, "EXHAUSTED_RETRY_CONDITION", exhaustedCondition);
    }
    attribute(attributes, "RETRY_ATTEMPTS", Integer.toString(delivery.retries()));
    request.put("MessageBody", delivery.event().json());
    try {
      request.put("QueueUrl", queueUrls.url(dlqArn));
      sqs.invoke("SendMessage", request);
      sent.incrementAndGet();
    } catch (RuntimeException e) {
      queueUrls.forget(dlqArn);
      dropped.incrementAndGet();
      LOG.warn(
          "Dropped event {}: its dead-letter queue {} refused it",
          delivery.event().id(),
          dlqArn,
          e);
    }
  }

  long sent() {
    return sent.get();
  }

  long dropped() {
    return dropped.get();
  }

  private static void attribute(ObjectNode attributes, String name, String value) {
    ObjectNode attribute = attributes.putObject(name);
    attribute.put("DataType", "String");
    // SQS refuses empty string attributes.
    attribute.put("StringValue", value == null || value.isEmpty() ? "-" : value);
  }
}
