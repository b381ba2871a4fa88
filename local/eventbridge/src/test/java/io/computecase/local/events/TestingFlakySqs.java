package io.computecase.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJsonService;
import io.computecase.local.protocol.AwsServiceException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real SQS API, except that sends to queues whose URL ends with a chosen name fail with a
 * server error (retriable on AWS), a given number of times or always.
 */
final class TestingFlakySqs implements AwsJsonService {
  static final int ALWAYS = -1;

  private final AwsJsonService real;
  private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> failed = new ConcurrentHashMap<>();

  TestingFlakySqs(AwsJsonService real) {
    this.real = real;
  }

  /** Sends to this queue fail {@code times} times (or {@link #ALWAYS}). */
  void fail(String queueName, int times) {
    failuresLeft.put(queueName, new AtomicInteger(times));
    failed.put(queueName, new AtomicInteger());
  }

  /** Sends to this queue refused so far. */
  int failed(String queueName) {
    return failed.get(queueName).get();
  }

  @Override
  public JsonNode invoke(String operation, JsonNode request) {
    if (operation.startsWith("SendMessage")) {
      String url = request.path("QueueUrl").asText();
      String queue = url.substring(url.lastIndexOf('/') + 1);
      AtomicInteger left = failuresLeft.get(queue);
      if (left != null && left.getAndUpdate(n -> n > 0 ? n - 1 : n) != 0) {
        failed.get(queue).incrementAndGet();
        throw new AwsServiceException(
            "InternalFailure",
            500,
            "The request processing has failed because of an unknown error.");
      }
    }
    return real.invoke(operation, request);
  }
}
