package io.computecase.local.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJsonService;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/** Events PutEvents accepted reach their queue even when the bridge is stopped right after. */
class StopDeliversAcceptedEventsTest {
  private static final int EVENTS = 300;

  @Test
  void eventsAcceptedBeforeTheStopAreDelivered() {
    try (TestBed bed = TestBed.start(b -> b, StopDeliversAcceptedEventsTest::slow)) {
      String queueUrl = bed.createQueue("stop-drains");
      bed.events.putRule(b -> b.name("stop-drains").eventPattern("{\"source\":[\"stop.test\"]}"));
      bed.events.putTargets(
          b ->
              b.rule("stop-drains")
                  .targets(t -> t.id("queue").arn(TestBed.queueArn("stop-drains"))));
      for (int sent = 0; sent < EVENTS; sent += 10) {
        List<PutEventsRequestEntry> entries = new ArrayList<>();
        for (int i = sent; i < sent + 10; i++) {
          entries.add(
              PutEventsRequestEntry.builder()
                  .source("stop.test")
                  .detailType("Item")
                  .detail("{\"index\":" + i + "}")
                  .build());
        }
        assertThat(bed.events.putEvents(b -> b.entries(entries)).failedEntryCount()).isZero();
      }

      bed.bridge.close();

      assertThat(bed.receive(queueUrl, EVENTS)).hasSize(EVENTS);
    }
  }

  /**
   * SQS answering each send 20 ms late, so a burst is still being delivered when the stop comes.
   */
  private static AwsJsonService slow(AwsJsonService sqs) {
    return (String operation, JsonNode request) -> {
      if (operation.startsWith("SendMessage")) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while sending", e);
        }
      }
      return sqs.invoke(operation, request);
    };
  }
}
