package io.computecase.local.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sqs.model.Message;

/** Events reach the queues whose rules match them, as the whole envelope, in order of arrival. */
class RoutingByPatternTest {
  private static TestBed bed;

  @BeforeAll
  static void start() {
    bed = TestBed.start();
  }

  @AfterAll
  static void stop() {
    bed.close();
  }

  private static String route(String bus, String target, String pattern) {
    String url = bed.createQueue("computecase-" + target);
    bed.events.putRule(
        b -> b.eventBusName(bus).name("computecase-" + target).eventPattern(pattern));
    bed.events.putTargets(
        b ->
            b.eventBusName(bus)
                .rule("computecase-" + target)
                .targets(t -> t.id("queue").arn(TestBed.queueArn("computecase-" + target))));
    return url;
  }

  private static String targetPattern(String target) {
    return "{\"source\":[\"computecase.io\"],\"detail-type\":[\"ComputeCaseItem\"],\"detail\":{\"target\":[\""
        + target
        + "\"]}}";
  }

  private static PutEventsRequestEntry item(String bus, String target, int index) {
    return PutEventsRequestEntry.builder()
        .eventBusName(bus)
        .source("computecase.io")
        .detailType("ComputeCaseItem")
        .detail(
            "{\"requestId\":\"r1\",\"target\":\""
                + target
                + "\",\"index\":"
                + index
                + ",\"item\":{\"caseId\":\""
                + index
                + "\"}}")
        .build();
  }

  @Test
  void eachEventReachesOnlyTheQueueOfItsTargetAsTheWholeEnvelope() throws Exception {
    bed.events.createEventBus(b -> b.name("computecase"));
    String cpu = route("computecase", "cpu", targetPattern("cpu"));
    String gpu = route("computecase", "gpu", targetPattern("gpu"));

    PutEventsResponse put =
        bed.events.putEvents(
            b ->
                b.entries(
                    item("computecase", "cpu", 0),
                    item("computecase", "gpu", 1),
                    item("computecase", "cpu", 2)));

    assertThat(put.failedEntryCount()).isZero();
    List<Message> cpuMessages = bed.receive(cpu, 2);
    List<Message> gpuMessages = bed.receive(gpu, 1);
    assertThat(cpuMessages).hasSize(2);
    JsonNode envelope = AwsJson.MAPPER.readTree(gpuMessages.get(0).body());
    assertThat(envelope.get("version").asText()).isEqualTo("0");
    assertThat(envelope.get("id").asText()).isEqualTo(put.entries().get(1).eventId());
    assertThat(envelope.get("detail-type").asText()).isEqualTo("ComputeCaseItem");
    assertThat(envelope.get("source").asText()).isEqualTo("computecase.io");
    assertThat(envelope.get("account").asText()).isEqualTo("000000000000");
    assertThat(envelope.get("region").asText()).isEqualTo("us-east-1");
    assertThat(envelope.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(envelope.get("resources").isArray()).isTrue();
    assertThat(envelope.get("detail").get("item").get("caseId").asText()).isEqualTo("1");
  }

  @Test
  void contentFilteringOnDetailSelectsEvents() throws Exception {
    String large =
        route(
            "default",
            "large",
            "{\"source\":[\"computecase.io\"],\"detail\":{\"item\":{\"size\":[\"large\"]},\"index\":[{\"numeric\":[\">=\",10]}]}}");
    PutEventsRequestEntry.Builder entry =
        PutEventsRequestEntry.builder().source("computecase.io").detailType("ComputeCaseItem");

    bed.events.putEvents(
        b ->
            b.entries(
                entry.detail("{\"index\":5,\"item\":{\"size\":\"large\"}}").build(),
                entry.detail("{\"index\":12,\"item\":{\"size\":\"small\"}}").build(),
                entry.detail("{\"index\":11,\"item\":{\"size\":\"large\"}}").build()));

    List<Message> messages = bed.receive(large, 1);
    assertThat(AwsJson.MAPPER.readTree(messages.get(0).body()).at("/detail/index").asInt())
        .isEqualTo(11);
    assertThat(bed.depth(large)).isZero();
  }

  @Test
  void eventsArriveInAFifoQueueInTheOrderTheyWerePut() throws Exception {
    // A FIFO queue shows the order deliveries reached SQS; a standard queue may reorder on receive.
    String url =
        bed.sqs
            .createQueue(
                b ->
                    b.queueName("computecase-ordered.fifo")
                        .attributesWithStrings(Map.of("FifoQueue", "true")))
            .queueUrl();
    bed.events.putRule(b -> b.name("computecase-ordered").eventPattern(targetPattern("ordered")));
    bed.events.putTargets(
        b ->
            b.rule("computecase-ordered")
                .targets(
                    t ->
                        t.id("queue")
                            .arn(TestBed.queueArn("computecase-ordered.fifo"))
                            .sqsParameters(p -> p.messageGroupId("items"))));
    for (int call = 0; call < 4; call++) {
      int first = call * 10;
      List<PutEventsRequestEntry> entries = new ArrayList<>();
      for (int i = first; i < first + 10; i++) {
        entries.add(item("default", "ordered", i));
      }
      bed.events.putEvents(b -> b.entries(entries));
    }

    List<Integer> indexes = new ArrayList<>();
    for (Message message : bed.receive(url, 40)) {
      indexes.add(AwsJson.MAPPER.readTree(message.body()).at("/detail/index").asInt());
    }
    assertThat(indexes).hasSize(40).isSorted();
  }
}
