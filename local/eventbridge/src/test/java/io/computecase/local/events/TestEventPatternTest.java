package io.computecase.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;

/** TestEventPattern answers whether a full event matches, and refuses bad patterns and events. */
class TestEventPatternTest {
  private static final String EVENT =
      "{\"id\":\"1\",\"account\":\"000000000000\",\"source\":\"computecase.io\",\"time\":\"2026-11-28T12:00:00Z\","
          + "\"region\":\"us-east-1\",\"resources\":[],\"detail-type\":\"ComputeCaseItem\","
          + "\"detail\":{\"target\":\"cpu\",\"item\":{\"size\":\"large\",\"weight\":7}}}";
  private static LocalEventBridge bridge;
  private static EventBridgeClient events;

  @BeforeAll
  static void start() {
    bridge = LocalEventBridge.builder().build();
    events = TestBed.eventsClient(bridge.serve(0).endpoint());
  }

  @AfterAll
  static void stop() {
    events.close();
    bridge.close();
  }

  private static boolean test(String pattern) {
    return events.testEventPattern(b -> b.event(EVENT).eventPattern(pattern)).result();
  }

  @Test
  void matchingAndNonMatchingPatterns() {
    assertThat(test("{\"detail\":{\"target\":[\"cpu\"]}}")).isTrue();
    assertThat(test("{\"detail\":{\"target\":[\"gpu\"]}}")).isFalse();
    assertThat(test("{\"detail\":{\"item\":{\"weight\":[{\"numeric\":[\">\",5]}]}}}")).isTrue();
    assertThat(test("{\"detail\":{\"item\":{\"size\":[{\"prefix\":\"sm\"}]}}}")).isFalse();
    assertThat(test("{\"detail-type\":[{\"anything-but\":\"ComputeCaseCompleted\"}]}")).isTrue();
  }

  @Test
  void aPatternThatIsNotValidIsRefusedWithTheReason() {
    InvalidEventPatternException e =
        catchThrowableOfType(
            InvalidEventPatternException.class,
            () ->
                events.testEventPattern(
                    b -> b.event(EVENT).eventPattern("{\"detail\":{\"target\":\"cpu\"}}")));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidEventPatternException");
    assertThat(e.awsErrorDetails().errorMessage())
        .startsWith("Event pattern is not valid. Reason: ");
  }

  @Test
  void anEventWithoutTheMandatoryFieldsIsRefused() {
    EventBridgeException e =
        catchThrowableOfType(
            EventBridgeException.class,
            () ->
                events.testEventPattern(
                    b ->
                        b.event("{\"source\":\"computecase.io\"}")
                            .eventPattern("{\"source\":[\"computecase.io\"]}")));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(e.awsErrorDetails().errorMessage()).contains("missing required field id");
  }
}
