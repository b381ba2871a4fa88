package io.computecase.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeEventBusResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.EventBus;
import software.amazon.awssdk.services.eventbridge.model.ListEventBusesResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;

/** Buses are created, described, listed page by page and deleted; the default bus always exists. */
class EventBusLifecycleTest {
  private static LocalEventBridge bridge;
  private static EventBridgeClient events;

  @BeforeAll
  static void start() {
    bridge = LocalEventBridge.builder().region("eu-west-1").accountId("123456789012").build();
    events = TestBed.eventsClient(bridge.serve(0).endpoint());
  }

  @AfterAll
  static void stop() {
    events.close();
    bridge.close();
  }

  @Test
  void theDefaultBusExistsFromTheStartAndCannotBeDeleted() {
    DescribeEventBusResponse described = events.describeEventBus(b -> {});
    assertThat(described.name()).isEqualTo("default");
    assertThat(described.arn())
        .isEqualTo("arn:aws:events:eu-west-1:123456789012:event-bus/default");

    EventBridgeException e =
        catchThrowableOfType(
            EventBridgeException.class, () -> events.deleteEventBus(b -> b.name("default")));
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
  }

  @Test
  void aCreatedBusIsDescribedByNameOrArnAndDeleted() {
    String arn =
        events.createEventBus(b -> b.name("lifecycle").description("for a test")).eventBusArn();

    assertThat(arn).isEqualTo("arn:aws:events:eu-west-1:123456789012:event-bus/lifecycle");
    DescribeEventBusResponse byArn = events.describeEventBus(b -> b.name(arn));
    assertThat(byArn.name()).isEqualTo("lifecycle");
    assertThat(byArn.description()).isEqualTo("for a test");
    assertThat(byArn.creationTime()).isNotNull();

    events.deleteEventBus(b -> b.name("lifecycle"));
    ResourceNotFoundException gone =
        catchThrowableOfType(
            ResourceNotFoundException.class,
            () -> events.describeEventBus(b -> b.name("lifecycle")));
    assertThat(gone.awsErrorDetails().errorMessage())
        .isEqualTo("Event bus lifecycle does not exist.");
  }

  @Test
  void creatingAnExistingBusFails() {
    events.createEventBus(b -> b.name("twice"));

    ResourceAlreadyExistsException e =
        catchThrowableOfType(
            ResourceAlreadyExistsException.class,
            () -> events.createEventBus(b -> b.name("twice")));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceAlreadyExistsException");
    assertThat(e.awsErrorDetails().errorMessage()).contains("twice");
  }

  @Test
  void aBusNameOutsideTheAllowedCharactersIsRefused() {
    EventBridgeException e =
        catchThrowableOfType(
            EventBridgeException.class, () -> events.createEventBus(b -> b.name("no spaces")));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(e.awsErrorDetails().errorMessage())
        .contains("'name'")
        .contains("regular expression");
  }

  @Test
  void busesAreListedByPrefixInPages() {
    for (String name : List.of("page-a", "page-b", "page-c", "other")) {
      events.createEventBus(b -> b.name(name));
    }
    List<String> names = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String next = token;
      ListEventBusesResponse page =
          events.listEventBuses(b -> b.namePrefix("page-").limit(2).nextToken(next));
      page.eventBuses().stream().map(EventBus::name).forEach(names::add);
      token = page.nextToken();
      pages++;
    } while (token != null);

    assertThat(names).containsExactly("page-a", "page-b", "page-c");
    assertThat(pages).isEqualTo(2);
  }
}
