package io.computecase.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Tag;

/** Buses and rules carry tags, set at creation or later, and lose them when deleted. */
class TaggingTest {
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

  private static Map<String, String> tags(String arn) {
    return events.listTagsForResource(b -> b.resourceARN(arn)).tags().stream()
        .collect(Collectors.toMap(Tag::key, Tag::value));
  }

  @Test
  void tagsGivenAtCreationAreListedAndCanBeChanged() {
    String bus =
        events
            .createEventBus(
                b -> b.name("tagged").tags(t -> t.key("managed-by").value("computecase")))
            .eventBusArn();
    String rule =
        events
            .putRule(
                b ->
                    b.eventBusName("tagged")
                        .name("r")
                        .eventPattern("{\"source\":[\"x\"]}")
                        .tags(t -> t.key("target").value("cpu")))
            .ruleArn();

    assertThat(tags(bus)).containsExactly(Map.entry("managed-by", "computecase"));
    events.tagResource(b -> b.resourceARN(rule).tags(t -> t.key("team").value("platform")));
    events.untagResource(b -> b.resourceARN(rule).tagKeys("target"));
    assertThat(tags(rule)).containsExactly(Map.entry("team", "platform"));
  }

  @Test
  void aDeletedRuleTakesItsTagsWithIt() {
    String rule =
        events
            .putRule(
                b ->
                    b.name("short-lived")
                        .eventPattern("{\"source\":[\"x\"]}")
                        .tags(t -> t.key("k").value("v")))
            .ruleArn();
    events.deleteRule(b -> b.name("short-lived"));

    assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> tags(rule)))
        .hasMessageContaining(rule);
    events.putRule(b -> b.name("short-lived").eventPattern("{\"source\":[\"x\"]}"));
    assertThat(tags(rule)).isEmpty();
  }

  @Test
  void reservedKeysAndUnknownResourcesAreRefused() {
    EventBridgeException reserved =
        catchThrowableOfType(
            EventBridgeException.class,
            () ->
                events.tagResource(
                    b ->
                        b.resourceARN("arn:aws:events:us-east-1:000000000000:event-bus/default")
                            .tags(t -> t.key("aws:owner").value("me"))));
    assertThat(reserved.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(reserved.awsErrorDetails().errorMessage()).contains("aws:owner");

    ResourceNotFoundException unknown =
        catchThrowableOfType(
            ResourceNotFoundException.class,
            () -> tags("arn:aws:events:us-east-1:000000000000:rule/nothing-here"));
    assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
  }
}
