package io.computecase.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.computecase.local.protocol.AwsJsonServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/** PutEvents refuses bad entries one by one, and bad requests as a whole, as AWS does. */
class PutEventsEntryValidationTest {
  private static LocalEventBridge bridge;
  private static EventBridgeClient events;

  @BeforeAll
  static void start() {
    bridge = LocalEventBridge.builder().build();
    AwsJsonServer server = bridge.serve(0);
    events = TestBed.eventsClient(server.endpoint());
  }

  @AfterAll
  static void stop() {
    events.close();
    bridge.close();
  }

  private static PutEventsRequestEntry.Builder valid() {
    return PutEventsRequestEntry.builder()
        .source("computecase.io")
        .detailType("ComputeCaseItem")
        .detail("{\"index\":0}");
  }

  @Test
  void eachBadEntryGetsItsErrorWhileGoodEntriesAreAccepted() {
    PutEventsResponse response =
        events.putEvents(
            b ->
                b.entries(
                    valid().build(),
                    valid().source(null).build(),
                    valid().detailType(null).build(),
                    valid().detail(null).build(),
                    valid().detail("[1,2]").build(),
                    valid().detail("{not json").build(),
                    valid().eventBusName("no-such-bus").build(),
                    valid().source("aws.ec2").build(),
                    valid()
                        .eventBusName("arn:aws:events:us-east-1:000000000000:event-bus/default")
                        .build()));

    List<PutEventsResultEntry> results = response.entries();
    assertThat(response.failedEntryCount()).isEqualTo(7);
    assertThat(results).hasSize(9);
    assertThat(results.get(0).eventId()).isNotBlank();
    assertThat(results.get(0).errorCode()).isNull();
    assertThat(results.get(1).errorCode()).isEqualTo("InvalidArgument");
    assertThat(results.get(1).errorMessage())
        .isEqualTo("Parameter Source is not valid. Reason: Source is a required argument.");
    assertThat(results.get(2).errorMessage()).contains("DetailType is a required argument");
    assertThat(results.get(3).errorMessage()).contains("Detail is a required argument");
    assertThat(results.get(4).errorCode()).isEqualTo("MalformedDetail");
    assertThat(results.get(4).errorMessage()).isEqualTo("Detail is malformed.");
    assertThat(results.get(5).errorCode()).isEqualTo("MalformedDetail");
    assertThat(results.get(6).errorCode()).isEqualTo("ResourceNotFoundException");
    assertThat(results.get(6).errorMessage()).contains("no-such-bus");
    assertThat(results.get(6).eventId()).isNull();
    assertThat(results.get(7).errorCode()).isEqualTo("NotAuthorizedForSourceException");
    assertThat(results.get(8).eventId()).isNotBlank();
  }

  @Test
  void moreThanTenEntriesIsRefusedWhole() {
    List<PutEventsRequestEntry> eleven = new ArrayList<>(Collections.nCopies(11, valid().build()));

    EventBridgeException e =
        catchThrowableOfType(
            EventBridgeException.class, () -> events.putEvents(b -> b.entries(eleven)));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorMessage())
        .contains("'entries'")
        .contains("less than or equal to 10");
  }

  @Test
  void noEntriesIsRefused() {
    EventBridgeException e =
        catchThrowableOfType(
            EventBridgeException.class, () -> events.putEvents(b -> b.entries(List.of())));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(e.awsErrorDetails().errorMessage())
        .contains("'entries'")
        .contains("greater than or equal to 1");
  }

  @Test
  void entriesOverTwoHundredFiftySixKibibytesAreRefused() {
    String big = "{\"blob\":\"" + "x".repeat(262_144) + "\"}";

    EventBridgeException e =
        catchThrowableOfType(
            EventBridgeException.class,
            () -> events.putEvents(b -> b.entries(valid().detail(big).build())));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(e.awsErrorDetails().errorMessage())
        .startsWith("Total size of the entries in the request is over the limit");
  }

  @Test
  void anEntryJustUnderTheLimitIsAccepted() {
    String detail = "{\"blob\":\"" + "x".repeat(200_000) + "\"}";

    PutEventsResponse response = events.putEvents(b -> b.entries(valid().detail(detail).build()));

    assertThat(response.failedEntryCount()).isZero();
  }
}
