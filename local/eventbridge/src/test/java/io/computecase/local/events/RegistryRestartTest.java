package io.computecase.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.computecase.local.events.persistence.PersistentRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Tag;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.model.Message;

/** With a data directory, buses, rules, targets and tags survive a stop and a start. */
class RegistryRestartTest {
  private static final String PATTERN =
      "{\"source\":[\"computecase.io\"],\"detail-type\":[\"ComputeCaseItem\"],"
          + "\"detail\":{\"target\":[\"restart\"]}}";

  @TempDir Path dataDirectory;

  private TestBed start() {
    return TestBed.start(b -> b.dataDirectory(dataDirectory), s -> s);
  }

  @Test
  void rulesTargetsAndTagsSurviveAndTheRestoredRuleStillRoutes() {
    String queueUrl;
    List<Rule> rulesBefore;
    List<Target> targetsBefore;
    try (TestBed first = start()) {
      queueUrl = first.createQueue("computecase-restart");
      first.events.createEventBus(
          b -> b.name("computecase").tags(Tag.builder().key("team").value("compute").build()));
      first.events.putRule(
          b -> b.name("computecase-restart").eventBusName("computecase").eventPattern(PATTERN));
      first.events.putTargets(
          b ->
              b.rule("computecase-restart")
                  .eventBusName("computecase")
                  .targets(
                      Target.builder()
                          .id("queue")
                          .arn(TestBed.queueArn("computecase-restart"))
                          .retryPolicy(r -> r.maximumRetryAttempts(3))
                          .build()));
      first.events.putRule(
          b ->
              b.name("paused")
                  .eventBusName("computecase")
                  .eventPattern("{\"source\":[\"x\"]}")
                  .state(RuleState.DISABLED)
                  .description("kept disabled"));
      first.events.tagResource(
          b ->
              b.resourceARN("arn:aws:events:us-east-1:000000000000:rule/computecase/paused")
                  .tags(Tag.builder().key("owner").value("ops").build()));
      rulesBefore = first.events.listRules(b -> b.eventBusName("computecase")).rules();
      targetsBefore =
          first
              .events
              .listTargetsByRule(b -> b.rule("computecase-restart").eventBusName("computecase"))
              .targets();
    }

    try (TestBed second = start()) {
      assertThat(second.events.listEventBuses(b -> b.namePrefix("computecase")).eventBuses())
          .extracting(bus -> bus.name())
          .containsExactly("computecase");
      assertThat(second.events.listRules(b -> b.eventBusName("computecase")).rules())
          .isEqualTo(rulesBefore);
      assertThat(
              second
                  .events
                  .listTargetsByRule(b -> b.rule("computecase-restart").eventBusName("computecase"))
                  .targets())
          .isEqualTo(targetsBefore);
      String busArn = second.events.describeEventBus(b -> b.name("computecase")).arn();
      assertThat(second.events.listTagsForResource(b -> b.resourceARN(busArn)).tags())
          .containsExactly(Tag.builder().key("team").value("compute").build());
      assertThat(
              second
                  .events
                  .listTagsForResource(
                      b ->
                          b.resourceARN(
                              "arn:aws:events:us-east-1:000000000000:rule/computecase/paused"))
                  .tags())
          .containsExactly(Tag.builder().key("owner").value("ops").build());

      second.events.putEvents(
          b ->
              b.entries(
                  PutEventsRequestEntry.builder()
                      .eventBusName("computecase")
                      .source("computecase.io")
                      .detailType("ComputeCaseItem")
                      .detail("{\"target\":\"restart\",\"index\":1}")
                      .build()));
      List<Message> delivered = second.receive(queueUrl, 1);
      assertThat(delivered.get(0).body()).contains("\"index\":1");
    }
  }

  @Test
  void aCorruptFileStopsTheStartNamingTheFileAndKeepsIt() throws Exception {
    Path file = dataDirectory.resolve(PersistentRegistry.FILE_NAME);
    Files.writeString(file, "{\"format\": 1, \"rules\": [");
    IllegalStateException failure = catchThrowableOfType(this::start, IllegalStateException.class);
    assertThat(failure.getMessage())
        .contains(file.toAbsolutePath().toString())
        .contains("move it away");
    assertThat(Files.readString(file)).isEqualTo("{\"format\": 1, \"rules\": [");
  }
}
