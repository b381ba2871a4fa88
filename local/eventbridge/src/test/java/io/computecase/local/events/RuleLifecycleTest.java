package io.computecase.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.LimitExceededException;
import software.amazon.awssdk.services.eventbridge.model.ListRulesResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.sqs.model.Message;

/** Rules are put, described, listed, disabled, enabled and deleted as on AWS. */
class RuleLifecycleTest {
  private static final String PATTERN =
      "{\"source\":[\"computecase.io\"],\"detail\":{\"target\":[\"lifecycle\"]}}";
  private static TestBed bed;

  @BeforeAll
  static void start() {
    bed = TestBed.start();
    bed.events.createEventBus(b -> b.name("computecase"));
  }

  @AfterAll
  static void stop() {
    bed.close();
  }

  @Test
  void aRuleOnACustomBusIsDescribedWithItsArnPatternAndState() {
    String arn =
        bed.events
            .putRule(
                b ->
                    b.eventBusName("computecase")
                        .name("described")
                        .eventPattern(PATTERN)
                        .description("d"))
            .ruleArn();

    assertThat(arn).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/computecase/described");
    DescribeRuleResponse rule =
        bed.events.describeRule(b -> b.eventBusName("computecase").name("described"));
    assertThat(rule.arn()).isEqualTo(arn);
    assertThat(rule.eventPattern()).isEqualTo(PATTERN);
    assertThat(rule.state()).isEqualTo(RuleState.ENABLED);
    assertThat(rule.eventBusName()).isEqualTo("computecase");
    assertThat(rule.description()).isEqualTo("d");
  }

  @Test
  void aRuleOnTheDefaultBusHasNoBusInItsArn() {
    String arn = bed.events.putRule(b -> b.name("on-default").eventPattern(PATTERN)).ruleArn();

    assertThat(arn).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/on-default");
  }

  @Test
  void rulesAreListedByPrefixInPages() {
    for (String name : List.of("list-1", "list-2", "list-3", "unlisted")) {
      bed.events.putRule(b -> b.eventBusName("computecase").name(name).eventPattern(PATTERN));
    }
    List<String> names = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListRulesResponse page =
          bed.events.listRules(
              b -> b.eventBusName("computecase").namePrefix("list-").limit(2).nextToken(next));
      assertThat(page.rules()).hasSizeLessThanOrEqualTo(2);
      page.rules().stream().map(Rule::name).forEach(names::add);
      token = page.nextToken();
    } while (token != null);

    assertThat(names).containsExactly("list-1", "list-2", "list-3");
  }

  @Test
  void aDisabledRuleDeliversNothingUntilEnabledAgain() throws Exception {
    String url = bed.createQueue("computecase-lifecycle");
    bed.events.putRule(b -> b.name("toggled").eventPattern(PATTERN));
    bed.events.putTargets(
        b ->
            b.rule("toggled")
                .targets(t -> t.id("queue").arn(TestBed.queueArn("computecase-lifecycle"))));
    PutEventsRequestEntry.Builder item =
        PutEventsRequestEntry.builder().source("computecase.io").detailType("ComputeCaseItem");

    bed.events.disableRule(b -> b.name("toggled"));
    assertThat(bed.events.describeRule(b -> b.name("toggled")).state())
        .isEqualTo(RuleState.DISABLED);
    bed.events.putEvents(
        b -> b.entries(item.detail("{\"target\":\"lifecycle\",\"index\":1}").build()));
    bed.events.enableRule(b -> b.name("toggled"));
    bed.events.putEvents(
        b -> b.entries(item.detail("{\"target\":\"lifecycle\",\"index\":2}").build()));

    List<Message> messages = bed.receive(url, 1);
    JsonNode event = AwsJson.MAPPER.readTree(messages.get(0).body());
    assertThat(event.at("/detail/index").asInt()).isEqualTo(2);
    assertThat(bed.depth(url)).isZero();
  }

  @Test
  void aRuleWithTargetsCannotBeDeletedUntilTheyAreRemoved() {
    bed.events.putRule(b -> b.name("with-targets").eventPattern(PATTERN));
    bed.events.putTargets(
        b -> b.rule("with-targets").targets(t -> t.id("queue").arn(TestBed.queueArn("anything"))));

    EventBridgeException refused =
        catchThrowableOfType(
            EventBridgeException.class, () -> bed.events.deleteRule(b -> b.name("with-targets")));
    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(refused.awsErrorDetails().errorMessage())
        .isEqualTo("Rule can't be deleted since it has targets.");

    bed.events.removeTargets(b -> b.rule("with-targets").ids("queue"));
    assertThat(bed.events.listTargetsByRule(b -> b.rule("with-targets")).targets()).isEmpty();
    bed.events.deleteRule(b -> b.name("with-targets"));
    assertThat(
            catchThrowableOfType(
                ResourceNotFoundException.class,
                () -> bed.events.describeRule(b -> b.name("with-targets"))))
        .hasMessageContaining("Rule with-targets does not exist on EventBus default.");
  }

  @Test
  void anInvalidPatternIsRefusedWithTheReason() {
    InvalidEventPatternException e =
        catchThrowableOfType(
            InvalidEventPatternException.class,
            () ->
                bed.events.putRule(b -> b.name("bad").eventPattern("{\"source\":\"not-a-list\"")));

    assertThat(e.awsErrorDetails().errorMessage())
        .startsWith("Event pattern is not valid. Reason: ");
    assertThat(
            catchThrowableOfType(
                ResourceNotFoundException.class, () -> bed.events.describeRule(b -> b.name("bad"))))
        .isNotNull();
  }

  @Test
  void aRuleNeedsAPatternAndAnExistingBus() {
    EventBridgeException noPattern =
        catchThrowableOfType(
            EventBridgeException.class, () -> bed.events.putRule(b -> b.name("empty")));
    assertThat(noPattern.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(noPattern.awsErrorDetails().errorMessage()).contains("EventPattern");

    ResourceNotFoundException noBus =
        catchThrowableOfType(
            ResourceNotFoundException.class,
            () ->
                bed.events.putRule(b -> b.eventBusName("nowhere").name("r").eventPattern(PATTERN)));
    assertThat(noBus.awsErrorDetails().errorMessage())
        .isEqualTo("Event bus nowhere does not exist.");

    EventBridgeException badName =
        catchThrowableOfType(
            EventBridgeException.class,
            () -> bed.events.putRule(b -> b.name("has space").eventPattern(PATTERN)));
    assertThat(badName.awsErrorDetails().errorMessage()).contains("'name'");
  }

  @Test
  void enablingAMissingRuleIsResourceNotFound() {
    ResourceNotFoundException e =
        catchThrowableOfType(
            ResourceNotFoundException.class, () -> bed.events.enableRule(b -> b.name("ghost")));

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
  }

  @Test
  void aRuleHasAtMostFiveTargets() {
    bed.events.putRule(b -> b.name("crowded").eventPattern(PATTERN));
    for (int i = 1; i <= 5; i++) {
      String id = "t" + i;
      bed.events.putTargets(
          b -> b.rule("crowded").targets(t -> t.id(id).arn(TestBed.queueArn(id))));
    }

    LimitExceededException e =
        catchThrowableOfType(
            LimitExceededException.class,
            () ->
                bed.events.putTargets(
                    b -> b.rule("crowded").targets(t -> t.id("t6").arn(TestBed.queueArn("t6")))));

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("LimitExceededException");
    assertThat(bed.events.listTargetsByRule(b -> b.rule("crowded")).targets()).hasSize(5);
  }

  @Test
  void rulesAreFoundByTheQueueTheyDeliverTo() {
    String queue = TestBed.queueArn("shared-target");
    for (String name : List.of("by-target-b", "by-target-a", "by-other")) {
      bed.events.putRule(b -> b.eventBusName("computecase").name(name).eventPattern(PATTERN));
    }
    for (String name : List.of("by-target-b", "by-target-a")) {
      bed.events.putTargets(
          b -> b.eventBusName("computecase").rule(name).targets(t -> t.id("queue").arn(queue)));
    }
    bed.events.putTargets(
        b ->
            b.eventBusName("computecase")
                .rule("by-other")
                .targets(t -> t.id("queue").arn(TestBed.queueArn("elsewhere"))));

    List<String> names =
        bed.events
            .listRuleNamesByTarget(b -> b.eventBusName("computecase").targetArn(queue))
            .ruleNames();

    assertThat(names).containsExactly("by-target-a", "by-target-b");
  }
}
