package io.computecase.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InputTransformer;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** A target receives the whole event, a constant, a part of it, or a template filled from it. */
class InputShapingTest {
  private static TestBed bed;
  private static int queues;

  @BeforeAll
  static void start() {
    bed = TestBed.start();
  }

  @AfterAll
  static void stop() {
    bed.close();
  }

  /**
   * Routes one event to a fresh queue through a target shaped by {@code target}; returns the body
   * received.
   */
  private static String deliverThrough(Target.Builder target) {
    String name = "shaped-" + (++queues);
    String url = bed.createQueue(name);
    String pattern = "{\"detail\":{\"route\":[\"" + name + "\"]}}";
    bed.events.putRule(b -> b.name(name).eventPattern(pattern));
    bed.events.putTargets(
        b -> b.rule(name).targets(target.id("queue").arn(TestBed.queueArn(name)).build()));
    bed.events.putEvents(
        b ->
            b.entries(
                PutEventsRequestEntry.builder()
                    .source("computecase.io")
                    .detailType("ComputeCaseItem")
                    .detail(
                        "{\"route\":\""
                            + name
                            + "\",\"index\":3,\"item\":{\"caseId\":\"c-3\",\"size\":\"large\"},\"note\":\"say"
                            + " \\\"hi\\\"\"}")
                    .build()));
    return bed.receive(url, 1).get(0).body();
  }

  @Test
  void aConstantInputReplacesTheEvent() {
    assertThat(deliverThrough(Target.builder().input("{\"fixed\":true}")))
        .isEqualTo("{\"fixed\":true}");
  }

  @Test
  void anInputPathSendsThePartOfTheEventItSelects() throws Exception {
    JsonNode item =
        AwsJson.MAPPER.readTree(deliverThrough(Target.builder().inputPath("$.detail.item")));

    assertThat(item).isEqualTo(AwsJson.MAPPER.readTree("{\"caseId\":\"c-3\",\"size\":\"large\"}"));
  }

  @Test
  void aJsonTemplateQuotesStringsOutsideQuotesAndEscapesThemInside() throws Exception {
    String body =
        deliverThrough(
            Target.builder()
                .inputTransformer(
                    InputTransformer.builder()
                        .inputPathsMap(
                            Map.of(
                                "case",
                                "$.detail.item.caseId",
                                "index",
                                "$.detail.index",
                                "item",
                                "$.detail.item",
                                "note",
                                "$.detail.note",
                                "absent",
                                "$.detail.nothing"))
                        .inputTemplate(
                            "{\"case\": <case>, \"index\": <index>, \"item\": <item>, \"text\":"
                                + " \"case <case> says <note>\", \"absent\": <absent>, \"rule\":"
                                + " \"<aws.events.rule-name>\"}")
                        .build()));

    JsonNode shaped = AwsJson.MAPPER.readTree(body);
    assertThat(shaped.get("case").asText()).isEqualTo("c-3");
    assertThat(shaped.get("index").asInt()).isEqualTo(3);
    assertThat(shaped.get("item").get("size").asText()).isEqualTo("large");
    assertThat(shaped.get("text").asText()).isEqualTo("case c-3 says say \"hi\"");
    assertThat(shaped.get("absent").isNull()).isTrue();
    assertThat(shaped.get("rule").asText()).startsWith("shaped-");
  }

  @Test
  void aTextTemplateTakesValuesAsTheyAre() {
    String body =
        deliverThrough(
            Target.builder()
                .inputTransformer(
                    InputTransformer.builder()
                        .inputPathsMap(
                            Map.of("case", "$.detail.item.caseId", "size", "$.detail.item.size"))
                        .inputTemplate("case <case> is <size>")
                        .build()));

    assertThat(body).isEqualTo("case c-3 is large");
  }

  @Test
  void theWholeEventIsAPredefinedVariable() throws Exception {
    String body =
        deliverThrough(
            Target.builder()
                .inputTransformer(
                    InputTransformer.builder()
                        .inputTemplate("{\"wrapped\": <aws.events.event.json>}")
                        .build()));

    JsonNode wrapped = AwsJson.MAPPER.readTree(body).get("wrapped");
    assertThat(wrapped.get("source").asText()).isEqualTo("computecase.io");
    assertThat(wrapped.at("/detail/item/caseId").asText()).isEqualTo("c-3");
  }

  @Test
  void listTargetsByRuleAnswersTheShapingAsItWasPut() {
    bed.events.putRule(b -> b.name("listed").eventPattern("{\"source\":[\"x\"]}"));
    bed.events.putTargets(
        b ->
            b.rule("listed")
                .targets(
                    t ->
                        t.id("queue")
                            .arn(TestBed.queueArn("listed"))
                            .inputTransformer(
                                i ->
                                    i.inputPathsMap(Map.of("v", "$.detail.v"))
                                        .inputTemplate("\"<v>\""))
                            .retryPolicy(
                                r -> r.maximumRetryAttempts(3).maximumEventAgeInSeconds(120))
                            .deadLetterConfig(d -> d.arn(TestBed.queueArn("listed-dlq")))));

    Target listed = bed.events.listTargetsByRule(b -> b.rule("listed")).targets().get(0);

    assertThat(listed.inputTransformer().inputTemplate()).isEqualTo("\"<v>\"");
    assertThat(listed.inputTransformer().inputPathsMap()).containsEntry("v", "$.detail.v");
    assertThat(listed.retryPolicy().maximumRetryAttempts()).isEqualTo(3);
    assertThat(listed.retryPolicy().maximumEventAgeInSeconds()).isEqualTo(120);
    assertThat(listed.deadLetterConfig().arn()).isEqualTo(TestBed.queueArn("listed-dlq"));
  }

  @Test
  void malformedShapingIsRefusedNamingTheTargetAndTheFix() {
    bed.events.putRule(b -> b.name("malformed").eventPattern("{\"source\":[\"x\"]}"));

    EventBridgeException badTemplate =
        catchThrowableOfType(
            EventBridgeException.class,
            () ->
                bed.events.putTargets(
                    b ->
                        b.rule("malformed")
                            .targets(
                                t ->
                                    t.id("t1")
                                        .arn(TestBed.queueArn("q"))
                                        .inputTransformer(
                                            i ->
                                                i.inputPathsMap(Map.of("v", "$.detail.v"))
                                                    .inputTemplate("{\"v\": <v>,}")))));
    assertThat(badTemplate.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(badTemplate.awsErrorDetails().errorMessage())
        .contains("InputTemplate for target t1 contains invalid JSON");

    EventBridgeException both =
        catchThrowableOfType(
            EventBridgeException.class,
            () ->
                bed.events.putTargets(
                    b ->
                        b.rule("malformed")
                            .targets(
                                t ->
                                    t.id("t2")
                                        .arn(TestBed.queueArn("q"))
                                        .input("{}")
                                        .inputPath("$.detail"))));
    assertThat(both.awsErrorDetails().errorMessage()).contains("t2").contains("keep only one");

    EventBridgeException bracket =
        catchThrowableOfType(
            EventBridgeException.class,
            () ->
                bed.events.putTargets(
                    b ->
                        b.rule("malformed")
                            .targets(
                                t ->
                                    t.id("t3")
                                        .arn(TestBed.queueArn("q"))
                                        .inputPath("$['detail']"))));
    assertThat(bracket.awsErrorDetails().errorMessage())
        .contains("InputPath")
        .contains("dot notation");

    EventBridgeException lambda =
        catchThrowableOfType(
            EventBridgeException.class,
            () ->
                bed.events.putTargets(
                    b ->
                        b.rule("malformed")
                            .targets(
                                t ->
                                    t.id("t4")
                                        .arn("arn:aws:lambda:us-east-1:000000000000:function:f"))));
    assertThat(lambda.awsErrorDetails().errorMessage())
        .contains("SQS queues and Step Functions state machines");

    assertThat(bed.events.listTargetsByRule(b -> b.rule("malformed")).targets()).isEmpty();
  }
}
