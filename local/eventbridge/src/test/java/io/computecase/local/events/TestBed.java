package io.computecase.local.events;

import static org.awaitility.Awaitility.await;

import io.computecase.local.protocol.AwsJsonHttpClient;
import io.computecase.local.protocol.AwsJsonServer;
import io.computecase.local.protocol.AwsJsonService;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The pieces a test talks to: an embedded ElasticMQ (shared by the test JVM), the local EventBridge
 * served on a free port, and real AWS SDK v2 clients for both.
 */
final class TestBed implements AutoCloseable {
  static final String ACCOUNT = "000000000000";
  static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

  /** One ElasticMQ for the whole test JVM (queue names differ per test); stopped at exit. */
  private static SQSRestServer elasticMq;

  private static String sharedSqsEndpoint;

  final String sqsEndpoint;
  final LocalEventBridge bridge;
  final AwsJsonServer server;
  final EventBridgeClient events;
  final SqsClient sqs;

  private TestBed(
      UnaryOperator<LocalEventBridge.Builder> customize,
      UnaryOperator<AwsJsonService> sqsSeenByBridge) {
    sqsEndpoint = sharedSqs();
    AwsJsonService sqsApi = new AwsJsonHttpClient(sqsEndpoint, "AmazonSQS", "1.0");
    bridge =
        customize
            .apply(LocalEventBridge.builder().service("sqs", sqsSeenByBridge.apply(sqsApi)))
            .build();
    server = bridge.serve(0);
    events = eventsClient(server.endpoint());
    sqs =
        SqsClient.builder()
            .endpointOverride(URI.create(sqsEndpoint))
            .region(Region.US_EAST_1)
            .credentialsProvider(CREDENTIALS)
            .build();
  }

  private static synchronized String sharedSqs() {
    if (elasticMq == null) {
      SQSRestServer started = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(0).start();
      sharedSqsEndpoint = "http://127.0.0.1:" + started.waitUntilStarted().localAddress().getPort();
      elasticMq = started;
      Runtime.getRuntime().addShutdownHook(new Thread(started::stopAndWait, "elasticmq-stop"));
    }
    return sharedSqsEndpoint;
  }

  /** An SDK client for a local EventBridge served at this endpoint. */
  static EventBridgeClient eventsClient(String endpoint) {
    return EventBridgeClient.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1)
        .credentialsProvider(CREDENTIALS)
        .build();
  }

  static TestBed start() {
    return new TestBed(b -> b, s -> s);
  }

  static TestBed start(
      UnaryOperator<LocalEventBridge.Builder> customize,
      UnaryOperator<AwsJsonService> sqsSeenByBridge) {
    return new TestBed(customize, sqsSeenByBridge);
  }

  /** Creates a queue; returns its URL. */
  String createQueue(String name) {
    return sqs.createQueue(b -> b.queueName(name)).queueUrl();
  }

  static String queueArn(String name) {
    return "arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + name;
  }

  /** Waits until exactly {@code count} messages were received from the queue (deleting them). */
  List<Message> receive(String queueUrl, int count) {
    List<Message> received = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              List<Message> batch =
                  sqs.receiveMessage(
                          b ->
                              b.queueUrl(queueUrl)
                                  .maxNumberOfMessages(10)
                                  .waitTimeSeconds(1)
                                  .messageAttributeNames("All")
                                  .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                      .messages();
              received.addAll(batch);
              if (!batch.isEmpty()) {
                sqs.deleteMessageBatch(
                    d ->
                        d.queueUrl(queueUrl)
                            .entries(
                                batch.stream()
                                    .map(
                                        m ->
                                            DeleteMessageBatchRequestEntry.builder()
                                                .id(m.messageId())
                                                .receiptHandle(m.receiptHandle())
                                                .build())
                                    .toList()));
              }
              return received.size() >= count;
            });
    return received;
  }

  /** Messages waiting in the queue now (visible ones), without consuming them. */
  int depth(String queueUrl) {
    return Integer.parseInt(
        sqs.getQueueAttributes(
                b -> b.queueUrl(queueUrl).attributeNamesWithStrings("ApproximateNumberOfMessages"))
            .attributesAsStrings()
            .get("ApproximateNumberOfMessages"));
  }

  @Override
  public void close() {
    events.close();
    sqs.close();
    bridge.close();
  }
}
