package io.computecase.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.testing.TestingClock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.RetryPolicy;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Undeliverable events land in the target's dead-letter queue with the attributes EventBridge adds:
 * at once when the queue does not exist, after the RetryPolicy's limits on transient errors.
 */
class DeadLetterDeliveryTest {
  private static final TestingClock CLOCK = new TestingClock();
  private static final AtomicReference<TestingFlakySqs> FLAKY = new AtomicReference<>();
  private static TestBed bed;

  @BeforeAll
  static void start() {
    bed =
        TestBed.start(
            b -> b.clock(CLOCK).retryBackoff(Duration.ofMillis(10), Duration.ofMillis(50)),
            real -> {
              FLAKY.set(new TestingFlakySqs(real));
              return FLAKY.get();
            });
  }

  @AfterAll
  static void stop() {
    bed.close();
  }

  /**
   * A queue, its DLQ and a rule routing {"detail":{"route":[name]}} to it; returns the DLQ's URL.
   */
  private static String routeWithDeadLetterQueue(String name, RetryPolicy policy) {
    bed.createQueue(name);
    String dlq = bed.createQueue(name + "-dlq");
    bed.events.putRule(
        b -> b.name(name).eventPattern("{\"detail\":{\"route\":[\"" + name + "\"]}}"));
    bed.events.putTargets(
        b ->
            b.rule(name)
                .targets(
                    t ->
                        t.id("queue")
                            .arn(TestBed.queueArn(name))
                            .retryPolicy(policy)
                            .deadLetterConfig(d -> d.arn(TestBed.queueArn(name + "-dlq")))));
    return dlq;
  }

  private static String put(String route) {
    return bed.events
        .putEvents(
            b ->
                b.entries(
                    PutEventsRequestEntry.builder()
                        .source("computecase.io")
                        .detailType("ComputeCaseItem")
                        .detail("{\"route\":\"" + route + "\",\"index\":1}")
                        .build()))
        .entries()
        .get(0)
        .eventId();
  }

  private static Map<String, String> attributes(Message message) {
    return message.messageAttributes().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().stringValue()));
  }

  @Test
  void anEventForADeletedQueueGoesToTheDeadLetterQueueWithTheErrorAttributes() throws Exception {
    String dlq =
        routeWithDeadLetterQueue("dl-gone", RetryPolicy.builder().maximumRetryAttempts(5).build());
    put("dl-gone");
    bed.receive(bed.sqs.getQueueUrl(b -> b.queueName("dl-gone")).queueUrl(), 1);
    bed.sqs.deleteQueue(
        b -> b.queueUrl(bed.sqs.getQueueUrl(q -> q.queueName("dl-gone")).queueUrl()));

    String eventId = put("dl-gone");

    Message dead = bed.receive(dlq, 1).get(0);
    JsonNode body = AwsJson.MAPPER.readTree(dead.body());
    assertThat(body.get("id").asText()).isEqualTo(eventId);
    assertThat(body.at("/detail/route").asText()).isEqualTo("dl-gone");
    Map<String, String> attributes = attributes(dead);
    assertThat(attributes)
        .containsEntry("RULE_ARN", "arn:aws:events:us-east-1:000000000000:rule/dl-gone")
        .containsEntry("TARGET_ARN", TestBed.queueArn("dl-gone"))
        .containsEntry("ERROR_CODE", "NO_RESOURCE")
        .containsEntry("RETRY_ATTEMPTS", "0")
        .doesNotContainKey("EXHAUSTED_RETRY_CONDITION");
    assertThat(attributes.get("ERROR_MESSAGE")).contains("QueueDoesNotExist");
    assertThat(dead.messageAttributes().values())
        .extracting(MessageAttributeValue::dataType)
        .containsOnly("String");
  }

  @Test
  void transientFailuresAreRetriedThenDeadLetteredWhenAttemptsRunOut() {
    FLAKY.get().fail("dl-flaky", TestingFlakySqs.ALWAYS);
    String dlq =
        routeWithDeadLetterQueue(
            "dl-flaky",
            RetryPolicy.builder().maximumRetryAttempts(2).maximumEventAgeInSeconds(60).build());

    put("dl-flaky");

    Map<String, String> attributes = attributes(bed.receive(dlq, 1).get(0));
    assertThat(attributes)
        .containsEntry("ERROR_CODE", "INTERNAL_ERROR")
        .containsEntry("EXHAUSTED_RETRY_CONDITION", "MaximumRetryAttempts")
        .containsEntry("RETRY_ATTEMPTS", "2");
    assertThat(FLAKY.get().failed("dl-flaky")).isEqualTo(3);
  }

  @Test
  void aTransientFailureThatClearsIsDeliveredOnce() {
    FLAKY.get().fail("dl-recovers", 2);
    String dlq =
        routeWithDeadLetterQueue(
            "dl-recovers", RetryPolicy.builder().maximumRetryAttempts(5).build());

    put("dl-recovers");

    bed.receive(bed.sqs.getQueueUrl(b -> b.queueName("dl-recovers")).queueUrl(), 1);
    assertThat(FLAKY.get().failed("dl-recovers")).isEqualTo(2);
    assertThat(bed.depth(dlq)).isZero();
  }

  @Test
  void retriesStopWhenTheEventIsOlderThanMaximumEventAge() {
    FLAKY.get().fail("dl-aging", TestingFlakySqs.ALWAYS);
    String dlq =
        routeWithDeadLetterQueue(
            "dl-aging",
            RetryPolicy.builder().maximumRetryAttempts(185).maximumEventAgeInSeconds(60).build());

    put("dl-aging");
    await().atMost(Duration.ofSeconds(10)).until(() -> FLAKY.get().failed("dl-aging") >= 2);
    assertThat(bed.depth(dlq)).isZero();
    CLOCK.advance(Duration.ofSeconds(61));

    Map<String, String> attributes = attributes(bed.receive(dlq, 1).get(0));
    assertThat(attributes).containsEntry("EXHAUSTED_RETRY_CONDITION", "MaximumEventAgeInSeconds");
    assertThat(Integer.parseInt(attributes.get("RETRY_ATTEMPTS"))).isBetween(1, 184);
  }

  @Test
  void aFifoQueueCannotBeADeadLetterQueue() {
    bed.events.putRule(b -> b.name("dl-fifo").eventPattern("{\"source\":[\"x\"]}"));

    EventBridgeException e =
        catchThrowableOfType(
            EventBridgeException.class,
            () ->
                bed.events.putTargets(
                    b ->
                        b.rule("dl-fifo")
                            .targets(
                                t ->
                                    t.id("queue")
                                        .arn(TestBed.queueArn("dl-fifo"))
                                        .deadLetterConfig(
                                            d -> d.arn(TestBed.queueArn("dl-fifo-dlq.fifo"))))));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(e.awsErrorDetails().errorMessage())
        .contains("DeadLetterConfig.Arn")
        .contains("standard queue");
  }
}
