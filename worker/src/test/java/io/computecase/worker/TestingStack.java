package io.computecase.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.testing.TestingStepFunctions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One test's world: an embedded ElasticMQ (shared by the test JVM), a fresh compute-target queue
 * with its dead-letter queue, the shared Step Functions fake, and the workers the test starts;
 * items are sent as the EventBridge rule delivers them (the whole event envelope as the message
 * body).
 */
final class TestingStack implements AutoCloseable {
  private static final AtomicInteger QUEUES = new AtomicInteger();
  private static SQSRestServer elasticmq;
  private static String sqsEndpoint;

  final TestingStepFunctions sfn = new TestingStepFunctions();
  final SqsClient sqs;
  final String target;
  final String queueUrl;
  final String dlqUrl;
  private final List<Worker> workers = new ArrayList<>();

  TestingStack() {
    this(5, 30);
  }

  TestingStack(int maxReceiveCount, int visibilityTimeoutSeconds) {
    startElasticMq();
    sqs =
        SqsClient.builder()
            .endpointOverride(URI.create(sqsEndpoint))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build();
    target = "t" + QUEUES.incrementAndGet();
    dlqUrl = sqs.createQueue(b -> b.queueName("computecase-" + target + "-dlq")).queueUrl();
    String dlqArn =
        sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    queueUrl =
        sqs.createQueue(
                b ->
                    b.queueName("computecase-" + target)
                        .attributes(
                            Map.of(
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                Integer.toString(visibilityTimeoutSeconds),
                                QueueAttributeName.REDRIVE_POLICY,
                                "{\"deadLetterTargetArn\":\""
                                    + dlqArn
                                    + "\",\"maxReceiveCount\":\""
                                    + maxReceiveCount
                                    + "\"}")))
            .queueUrl();
  }

  private static synchronized void startElasticMq() {
    if (elasticmq == null) {
      int port = freePort();
      elasticmq = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port).start();
      elasticmq.waitUntilStarted();
      sqsEndpoint = "http://127.0.0.1:" + port;
      Runtime.getRuntime().addShutdownHook(new Thread(elasticmq::stopAndWait));
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  String sqsEndpoint() {
    return sqsEndpoint;
  }

  /**
   * A worker configuration on this stack's queue and endpoints. Its polls last 1 s, so that a
   * test's graceful stop lets them end by themselves (a cut poll may keep a later message).
   */
  WorkerConfig.Builder workerConfig(String workerId) {
    return WorkerConfig.builder()
        .waitTimeSeconds(1)
        .queueUrl(queueUrl)
        .workerId(workerId)
        .sqsEndpoint(sqsEndpoint)
        .sfnEndpoint(sfn.endpoint());
  }

  Worker start(WorkerConfig.Builder config) {
    Worker worker = Worker.start(config.build());
    workers.add(worker);
    return worker;
  }

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) AwsJson.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Sends one item as its event; returns its task token. */
  String sendItem(long index, String parametersJson) {
    String token = sfn.issueToken();
    sendItem(index, json("{\"caseId\":\"" + index + "\"}"), json(parametersJson), token, "");
    return token;
  }

  void sendItem(
      long index, ObjectNode item, ObjectNode parameters, String token, String traceparent) {
    ObjectNode detail = AwsJson.MAPPER.createObjectNode();
    detail.put("requestId", "req-1");
    detail.put("target", target);
    detail.set("parameters", parameters);
    detail.put("traceparent", traceparent);
    detail.put("index", index);
    detail.set("item", item);
    detail.put("taskToken", token);
    sendRaw(envelope(detail).toString());
  }

  /** The EventBridge event envelope the rule delivers to the queue. */
  static ObjectNode envelope(JsonNode detail) {
    ObjectNode event = AwsJson.MAPPER.createObjectNode();
    event.put("version", "0");
    event.put("id", UUID.randomUUID().toString());
    event.put("detail-type", "ComputeCaseItem");
    event.put("source", "computecase.io");
    event.put("account", "000000000000");
    event.put("time", Instant.now().toString());
    event.put("region", "us-east-1");
    event.putArray("resources");
    event.set("detail", detail);
    return event;
  }

  void sendRaw(String body) {
    sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
  }

  /** Messages still in the queue, visible or not. */
  int messagesLeft() {
    return count(queueUrl);
  }

  int deadLetters() {
    return count(dlqUrl);
  }

  private int count(String url) {
    Map<QueueAttributeName, String> attributes =
        sqs.getQueueAttributes(
                b ->
                    b.queueUrl(url)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
            .attributes();
    return attributes.values().stream().mapToInt(Integer::parseInt).sum();
  }

  @Override
  public void close() {
    workers.forEach(w -> w.stop(Duration.ZERO));
    sfn.close();
    sqs.deleteQueue(b -> b.queueUrl(queueUrl));
    sqs.deleteQueue(b -> b.queueUrl(dlqUrl));
    sqs.close();
  }
}
