package io.computecase.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsJsonService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.DeduplicationId;
import org.elasticmq.ImmediateNextDelivery$;
import org.elasticmq.MessageData;
import org.elasticmq.NewMessageData;
import org.elasticmq.QueueData;
import org.elasticmq.msg.GetQueueData;
import org.elasticmq.msg.LookupQueue;
import org.elasticmq.msg.SendMessage;
import scala.Option;

/**
 * The embedded SQS as the local EventBridge reaches it: {@code SendMessageBatch} of plain events
 * goes straight to ElasticMQ's queue actors, every other call (and any batch this class does not
 * answer exactly as ElasticMQ's HTTP API would) goes over HTTP.
 *
 * <p>On AWS, EventBridge does not deliver to its SQS targets through the public SQS endpoint
 * either. Here the HTTP round trip cost, for each batch of ten events, the JDK client's request,
 * Pekko HTTP's parsing and routing, and ElasticMQ's per-character body check and MD5 formatting:
 * about a seventh of the whole stack's CPU on a fan-out. The messages land in the same queues
 * through the same actor messages ElasticMQ's own API sends, so a worker receives them exactly as
 * before.
 *
 * <p>A batch is taken here only when it is the plain shape EventBridge sends and ElasticMQ would
 * accept it whole: one to ten entries with distinct ids, each only an {@code Id}, a {@code
 * MessageBody} of SQS's characters within 256 KiB (the whole batch too), and for a FIFO queue a
 * valid {@code MessageGroupId} and {@code MessageDeduplicationId}, for a standard queue neither.
 * Anything else, an unknown queue included, goes over HTTP and gets ElasticMQ's own answer, errors
 * and all.
 */
final class SqsDirectBatches implements AwsJsonService {
  private static final String SEND_MESSAGE_BATCH = "SendMessageBatch";
  private static final int MAX_ENTRIES = 10;
  private static final int MAX_BYTES = 256 * 1024;
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(20);
  private static final Set<String> PLAIN_FIELDS = Set.of("Id", "MessageBody");
  private static final Set<String> FIFO_FIELDS =
      Set.of("Id", "MessageBody", "MessageGroupId", "MessageDeduplicationId");

  /** SQS's batch entry id and FIFO property values: letters, digits and punctuation. */
  private static final Pattern ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

  private static final Pattern FIFO_VALUE = Pattern.compile("[\\x21-\\x7E]{1,128}");

  private final ActorRef queueManager;
  private final AwsJsonService http;

  SqsDirectBatches(ActorRef queueManager, AwsJsonService http) {
    this.queueManager = queueManager;
    this.http = http;
  }

  @Override
  public JsonNode invoke(String operation, JsonNode request) {
    if (SEND_MESSAGE_BATCH.equals(operation)) {
      JsonNode answer = sendDirectly(request);
      if (answer != null) {
        return answer;
      }
    }
    return http.invoke(operation, request);
  }

  /** The batch's answer, or null when the batch is for ElasticMQ's HTTP API to answer. */
  private JsonNode sendDirectly(JsonNode request) {
    String queueName = queueName(request.path("QueueUrl").asText(""));
    JsonNode entries = request.path("Entries");
    if (queueName == null || !plainEntries(entries)) {
      return null;
    }
    Option<ActorRef> queue = ask(queueManager, LookupQueue.apply(queueName));
    if (queue.isEmpty()) {
      return null;
    }
    QueueData data = ask(queue.get(), GetQueueData.apply());
    if (!fitsQueue(entries, data.isFifo())) {
      return null;
    }
    List<CompletableFuture<Object>> sent = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      // Told in order from one thread, so a FIFO queue keeps the batch's order.
      sent.add(
          Patterns.ask(
                  queue.get(),
                  SendMessage.apply(message(entries.get(i), i, data.isFifo())),
                  ASK_TIMEOUT)
              .toCompletableFuture());
    }
    ObjectNode answer = AwsJson.MAPPER.createObjectNode();
    // no "Failed" member: ElasticMQ's API leaves it out when every entry succeeded
    ArrayNode successful = answer.putArray("Successful");
    for (int i = 0; i < entries.size(); i++) {
      MessageData message = (MessageData) await(sent.get(i));
      JsonNode entry = entries.get(i);
      ObjectNode result =
          successful
              .addObject()
              .put("Id", entry.get("Id").asText())
              .put("MessageId", message.id().id())
              .put("MD5OfMessageBody", md5(entry.get("MessageBody").asText()));
      if (message.sequenceNumber().isDefined()) {
        result.put("SequenceNumber", message.sequenceNumber().get());
      }
    }
    return answer;
  }

  private static NewMessageData message(JsonNode entry, int orderIndex, boolean fifo) {
    Option<String> group =
        fifo ? Option.apply(entry.get("MessageGroupId").asText()) : Option.empty();
    Option<DeduplicationId> deduplication =
        fifo
            ? Option.apply(new DeduplicationId(entry.get("MessageDeduplicationId").asText()))
            : Option.empty();
    return NewMessageData.apply(
        Option.empty(),
        entry.get("MessageBody").asText(),
        scala.collection.immutable.Map$.MODULE$.empty(),
        ImmediateNextDelivery$.MODULE$,
        group,
        deduplication,
        orderIndex,
        Option.empty(),
        Option.empty(),
        Option.empty());
  }

  /** The queue's name from its URL ({@code http://host:port/account/name}), or null. */
  static String queueName(String queueUrl) {
    int slash = queueUrl.lastIndexOf('/');
    if (!queueUrl.startsWith("http") || slash < 0 || slash == queueUrl.length() - 1) {
      return null;
    }
    return queueUrl.substring(slash + 1);
  }

  /** Whether the entries are the plain shape this class answers for, whatever the queue. */
  static boolean plainEntries(JsonNode entries) {
    if (!entries.isArray() || entries.isEmpty() || entries.size() > MAX_ENTRIES) {
      return false;
    }
    Set<String> ids = new HashSet<>();
    long bytes = 0;
    for (JsonNode entry : entries) {
      if (!entry.isObject()) {
        return false;
      }
      for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
        if (!FIFO_FIELDS.contains(names.next())) {
          return false;
        }
      }
      JsonNode id = entry.get("Id");
      JsonNode body = entry.get("MessageBody");
      if (id == null
          || !id.isTextual()
          || !ENTRY_ID.matcher(id.textValue()).matches()
          || !ids.add(id.textValue())) {
        return false;
      }
      if (body == null
          || !body.isTextual()
          || body.textValue().isEmpty()
          || !validBody(body.textValue())) {
        return false;
      }
      bytes += body.textValue().getBytes(StandardCharsets.UTF_8).length;
    }
    return bytes <= MAX_BYTES;
  }

  /** Whether the entries carry FIFO properties exactly when the queue is a FIFO queue. */
  static boolean fitsQueue(JsonNode entries, boolean fifo) {
    for (JsonNode entry : entries) {
      if (!fifo) {
        for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
          if (!PLAIN_FIELDS.contains(names.next())) {
            return false;
          }
        }
        continue;
      }
      JsonNode group = entry.get("MessageGroupId");
      JsonNode deduplication = entry.get("MessageDeduplicationId");
      if (group == null
          || deduplication == null
          || !group.isTextual()
          || !deduplication.isTextual()
          || !FIFO_VALUE.matcher(group.textValue()).matches()
          || !FIFO_VALUE.matcher(deduplication.textValue()).matches()) {
        return false;
      }
    }
    return true;
  }

  private static boolean validBody(String body) {
    for (int i = 0; i < body.length(); ) {
      int codePoint = body.codePointAt(i);
      if (!SqsLimits.validBodyCharacter(codePoint)) {
        return false;
      }
      i += Character.charCount(codePoint);
    }
    return true;
  }

  private static String md5(String body) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from this JVM", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T ask(ActorRef actor, Object message) {
    return (T) await(Patterns.ask(actor, message, ASK_TIMEOUT).toCompletableFuture());
  }

  private static Object await(CompletableFuture<Object> reply) {
    try {
      return reply.get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while sending to the embedded SQS", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("The embedded SQS did not answer: " + e, e);
    }
  }
}
