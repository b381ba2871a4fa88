package io.computecase.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsJsonHttpClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.awaitility.Awaitility;
import org.elasticmq.NodeAddress;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.Option;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * EventBridge's batches reach ElasticMQ's queue actors directly, and a worker receives them through
 * the SQS API as it would any other message; every batch that is not the plain shape is left to
 * ElasticMQ's HTTP API, so its answer (errors included) is ElasticMQ's own.
 */
class SqsDirectBatchesTest {
  private static ActorSystem actors;
  private static SQSRestServer server;
  private static SqsClient sqs;
  private static SqsDirectBatches direct;
  private static AwsJsonHttpClient elasticMqApi;
  private static final AtomicInteger overHttp = new AtomicInteger();

  @BeforeAll
  static void start() {
    actors = ActorSystem.create("direct-batches");
    ActorRef manager =
        actors.actorOf(
            Props.create(
                QueueManagerActor.class,
                () ->
                    new QueueManagerActor(new NowProvider(), SqsLimits.strict(), Option.empty())));
    int port = AwsPorts.freePort();
    server =
        SQSRestServerBuilder.withActorSystem(actors)
            .withSQSLimits(SqsLimits.strict())
            .withQueueManagerActor(manager)
            .withInterface("127.0.0.1")
            .withPort(port)
            .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
            .start();
    server.waitUntilStarted();
    String endpoint = "http://127.0.0.1:" + port;
    AwsJsonHttpClient http = new AwsJsonHttpClient(endpoint, "AmazonSQS", "1.0");
    elasticMqApi = http;
    direct =
        new SqsDirectBatches(
            manager,
            (operation, request) -> {
              overHttp.incrementAndGet();
              return http.invoke(operation, request);
            });
    sqs =
        SqsClient.builder()
            .endpointOverride(URI.create(endpoint))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .build();
  }

  @AfterAll
  static void stop() {
    sqs.close();
    server.stopAndWait();
    actors.terminate();
  }

  private static ObjectNode batch(String queueUrl, String... bodies) {
    ObjectNode request = AwsJson.MAPPER.createObjectNode().put("QueueUrl", queueUrl);
    ArrayNode entries = request.putArray("Entries");
    for (int i = 0; i < bodies.length; i++) {
      entries.addObject().put("Id", Integer.toString(i)).put("MessageBody", bodies[i]);
    }
    return request;
  }

  private static List<Message> receiveAll(String queueUrl, int count) {
    List<Message> received = new ArrayList<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              received.addAll(
                  sqs.receiveMessage(
                          b ->
                              b.queueUrl(queueUrl)
                                  .maxNumberOfMessages(10)
                                  .waitTimeSeconds(1)
                                  .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                      .messages());
              return received.size() >= count;
            });
    return received;
  }

  private static String md5(String text) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aPlainBatchGoesToTheQueueActorsAndAWorkerReceivesItThroughTheApi() throws Exception {
    String queueUrl = sqs.createQueue(b -> b.queueName("direct-standard")).queueUrl();
    int before = overHttp.get();

    JsonNode answer =
        direct.invoke(
            "SendMessageBatch", batch(queueUrl, "{\"n\":0}", "caf\u00e9 \uD83D\uDE00", "third"));

    assertThat(overHttp.get()).isEqualTo(before);
    assertThat(answer.path("Failed")).isEmpty();
    assertThat(answer.path("Successful")).hasSize(3);
    assertThat(answer.path("Successful").get(1).path("Id").asText()).isEqualTo("1");
    assertThat(answer.path("Successful").get(1).path("MD5OfMessageBody").asText())
        .isEqualTo(md5("caf\u00e9 \uD83D\uDE00"));
    List<Message> received = receiveAll(queueUrl, 3);
    assertThat(received)
        .extracting(Message::body)
        .containsExactlyInAnyOrder("{\"n\":0}", "caf\u00e9 \uD83D\uDE00", "third");
    for (Message message : received) {
      assertThat(message.md5OfBody()).isEqualTo(md5(message.body()));
      JsonNode sent =
          StreamSupport.stream(answer.path("Successful").spliterator(), false)
              .filter(e -> e.path("MessageId").asText().equals(message.messageId()))
              .findFirst()
              .orElseThrow();
      assertThat(sent.path("MD5OfMessageBody").asText()).isEqualTo(message.md5OfBody());
    }
  }

  @Test
  void aFifoBatchKeepsItsOrderGroupAndDeduplication() throws Exception {
    String queueUrl =
        sqs.createQueue(
                b ->
                    b.queueName("direct.fifo")
                        .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
            .queueUrl();
    ObjectNode request = batch(queueUrl, "a", "b", "c");
    for (int i = 0; i < 3; i++) {
      ((ObjectNode) request.path("Entries").get(i))
          .put("MessageGroupId", "group-1")
          .put("MessageDeduplicationId", "event-" + i);
    }
    int before = overHttp.get();

    JsonNode answer = direct.invoke("SendMessageBatch", request);
    direct.invoke("SendMessageBatch", request);

    assertThat(overHttp.get()).isEqualTo(before);
    assertThat(answer.path("Successful")).hasSize(3);
    assertThat(answer.path("Successful").get(0).path("SequenceNumber").asText()).isNotEmpty();
    List<Message> received = new ArrayList<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              var messages =
                  sqs.receiveMessage(
                          b ->
                              b.queueUrl(queueUrl)
                                  .maxNumberOfMessages(10)
                                  .waitTimeSeconds(1)
                                  .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                      .messages();
              received.addAll(messages);
              messages.forEach(
                  m ->
                      sqs.deleteMessage(
                          b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
              return received.size() >= 3;
            });
    assertThat(received).extracting(Message::body).containsExactly("a", "b", "c");
    assertThat(received.get(0).attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
        .isEqualTo("group-1");
    // The same deduplication ids a second time were taken and dropped, as SQS does within 5
    // minutes.
    assertThat(
            sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages())
        .isEmpty();
  }

  @Test
  void everyOtherShapeIsLeftToElasticMqsOwnApi() {
    String standard = sqs.createQueue(b -> b.queueName("direct-other")).queueUrl();
    String fifo =
        sqs.createQueue(
                b ->
                    b.queueName("direct-other.fifo")
                        .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
            .queueUrl();

    ObjectNode badCharacter = batch(standard, "ok", "bell \u0007");
    ObjectNode withAttributes = batch(standard, "ok");
    ((ObjectNode) withAttributes.path("Entries").get(0))
        .putObject("MessageAttributes")
        .putObject("a")
        .put("DataType", "String")
        .put("StringValue", "v");
    ObjectNode delayed = batch(standard, "ok");
    ((ObjectNode) delayed.path("Entries").get(0)).put("DelaySeconds", 5);
    ObjectNode duplicateIds = batch(standard, "x", "y");
    ((ObjectNode) duplicateIds.path("Entries").get(1)).put("Id", "0");
    ObjectNode groupOnStandard = batch(standard, "x");
    ((ObjectNode) groupOnStandard.path("Entries").get(0))
        .put("MessageGroupId", "g")
        .put("MessageDeduplicationId", "d");
    ObjectNode fifoWithoutGroup = batch(fifo, "x");
    String big = "x".repeat(200 * 1024);

    List<ObjectNode> others =
        List.of(
            badCharacter,
            withAttributes,
            delayed,
            duplicateIds,
            groupOnStandard,
            fifoWithoutGroup,
            batch(standard, big, big),
            batch(standard, "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"),
            batch(standard.replace("direct-other", "no-such-queue"), "x"));
    for (ObjectNode request : others) {
      int before = overHttp.get();
      try {
        direct.invoke("SendMessageBatch", request);
      } catch (RuntimeException elasticMqRefused) {
        // ElasticMQ's answer, whatever it is, is the one the caller gets.
      }
      assertThat(overHttp.get())
          .as(request.toString().substring(0, Math.min(200, request.toString().length())))
          .isEqualTo(before + 1);
    }
  }

  @Test
  void otherOperationsGoOverHttp() {
    int before = overHttp.get();
    JsonNode answer =
        direct.invoke(
            "CreateQueue", AwsJson.MAPPER.createObjectNode().put("QueueName", "direct-created"));

    assertThat(overHttp.get()).isEqualTo(before + 1);
    assertThat(answer.path("QueueUrl").asText()).endsWith("/direct-created");
  }

  /**
   * The seam's guard. SqsDirectBatches sends ElasticMQ's own actor messages (LookupQueue,
   * GetQueueData, SendMessage), which are not its public API: an upgrade may change them without a
   * compile error. This pin makes an upgrade stop here, so that whoever upgrades runs the
   * differential test below against the new version before moving the pin.
   */
  @Test
  void elasticMqIsTheVersionTheDirectPathWasCheckedAgainst() {
    String jar =
        QueueManagerActor.class.getProtectionDomain().getCodeSource().getLocation().getPath();

    assertThat(jar)
        .as(
            "ElasticMQ was upgraded: check SqsDirectBatchesTest's differential test passes against"
                + " it, then move this pin")
        .contains("elasticmq-core_2.13-1.6.11");
  }

  /**
   * The same batches, once straight to the queue actors and once through ElasticMQ's HTTP API, into
   * twin queues: the answers have the same fields, and a receiver sees the same messages with the
   * same attributes. A change in ElasticMQ's messages or their defaults fails here.
   */
  @Test
  void aBatchSentDirectlyIsReceivedExactlyAsOneSentThroughTheApi() throws Exception {
    for (boolean fifo : List.of(false, true)) {
      String suffix = fifo ? ".fifo" : "";
      var attributes =
          fifo
              ? Map.of(QueueAttributeName.FIFO_QUEUE, "true")
              : Map.<QueueAttributeName, String>of();
      String directQueue =
          sqs.createQueue(b -> b.queueName("twin-direct" + suffix).attributes(attributes))
              .queueUrl();
      String apiQueue =
          sqs.createQueue(b -> b.queueName("twin-api" + suffix).attributes(attributes)).queueUrl();
      int before = overHttp.get();

      JsonNode directAnswer = direct.invoke("SendMessageBatch", twinBatch(directQueue, fifo));
      JsonNode apiAnswer = elasticMqApi.invoke("SendMessageBatch", twinBatch(apiQueue, fifo));

      assertThat(overHttp.get()).as("the direct path took the batch").isEqualTo(before);
      assertThat(fieldNames(directAnswer)).isEqualTo(fieldNames(apiAnswer));
      for (int i = 0; i < 3; i++) {
        JsonNode a = directAnswer.path("Successful").get(i);
        JsonNode b = apiAnswer.path("Successful").get(i);
        // SQS answers a FIFO entry with its SequenceNumber, as the direct path does; ElasticMQ
        // 1.6.11's API leaves it out, the one difference kept on purpose
        Set<String> directFields = fieldNames(a);
        directFields.remove("SequenceNumber");
        assertThat(directFields).as("entry fields").isEqualTo(fieldNames(b));
        assertThat(a.path("Id")).isEqualTo(b.path("Id"));
        assertThat(a.path("MD5OfMessageBody")).isEqualTo(b.path("MD5OfMessageBody"));
      }
      // a standard queue keeps no order: compare its messages by body
      List<Message> viaDirect = inOrder(receiveAll(directQueue, 3), fifo);
      List<Message> viaApi = inOrder(receiveAll(apiQueue, 3), fifo);
      assertThat(viaDirect).hasSameSizeAs(viaApi);
      for (int i = 0; i < viaApi.size(); i++) {
        Message d = viaDirect.get(i);
        Message h = viaApi.get(i);
        assertThat(d.body()).isEqualTo(h.body());
        assertThat(d.md5OfBody()).isEqualTo(h.md5OfBody());
        assertThat(d.attributes().keySet()).isEqualTo(h.attributes().keySet());
        for (MessageSystemAttributeName name :
            List.of(
                MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                MessageSystemAttributeName.MESSAGE_GROUP_ID,
                MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID,
                MessageSystemAttributeName.SENDER_ID)) {
          assertThat(d.attributes().get(name))
              .as(name.toString())
              .isEqualTo(h.attributes().get(name));
        }
        assertThat(d.messageAttributes()).isEqualTo(h.messageAttributes());
      }
    }
  }

  private static List<Message> inOrder(List<Message> received, boolean fifo) {
    return fifo ? received : received.stream().sorted(Comparator.comparing(Message::body)).toList();
  }

  private static ObjectNode twinBatch(String queueUrl, boolean fifo) {
    ObjectNode request = batch(queueUrl, "{\"n\":0}", "caf\u00e9 \uD83D\uDE00", "third");
    if (fifo) {
      for (int i = 0; i < 3; i++) {
        ((ObjectNode) request.path("Entries").get(i))
            .put("MessageGroupId", "group")
            .put("MessageDeduplicationId", "event-" + i);
      }
    }
    return request;
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
