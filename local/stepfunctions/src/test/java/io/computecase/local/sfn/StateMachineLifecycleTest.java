package io.computecase.local.sfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.computecase.local.sfn.support.EngineFixture;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.Tag;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionDiagnostic;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;

/** Create, describe, list, update, tag, validate and delete state machines. */
class StateMachineLifecycleTest {
  private static final String PASS =
      "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
  private static final String WAIT =
      "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":100,\"End\":true}}}";

  private final EngineFixture fixture = new EngineFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void describeShowsWhatWasCreated() {
    String arn = fixture.createMachineFromText("orders", PASS);
    assertThat(arn).isEqualTo("arn:aws:states:us-east-1:000000000000:stateMachine:orders");
    DescribeStateMachineResponse described =
        fixture.sfn.describeStateMachine(b -> b.stateMachineArn(arn));
    assertThat(described.name()).isEqualTo("orders");
    assertThat(described.definition()).isEqualTo(PASS);
    assertThat(described.roleArn()).isEqualTo(EngineFixture.ROLE);
    assertThat(described.type()).isEqualTo(StateMachineType.STANDARD);
    assertThat(described.statusAsString()).isEqualTo("ACTIVE");
    assertThat(described.creationDate()).isEqualTo(fixture.clock.instant());
  }

  @Test
  void listIsPagedByName() {
    for (String name : List.of("c", "a", "b")) {
      fixture.createMachineFromText(name, PASS);
    }
    var first = fixture.sfn.listStateMachines(b -> b.maxResults(2));
    assertThat(first.stateMachines())
        .extracting(StateMachineListItem::name)
        .containsExactly("a", "b");
    assertThat(first.nextToken()).isNotNull();
    var second = fixture.sfn.listStateMachines(b -> b.maxResults(2).nextToken(first.nextToken()));
    assertThat(second.stateMachines()).extracting(StateMachineListItem::name).containsExactly("c");
    assertThat(second.nextToken()).isNull();
  }

  @Test
  void updateRevisesButRunningExecutionsKeepTheirDefinition() {
    String arn = fixture.createMachineFromText("m", WAIT);
    String running = fixture.sfn.startExecution(b -> b.stateMachineArn(arn)).executionArn();
    String before = fixture.sfn.describeStateMachine(b -> b.stateMachineArn(arn)).revisionId();
    var updated = fixture.sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(PASS));
    assertThat(updated.revisionId()).isNotEqualTo(before);
    assertThat(fixture.sfn.describeStateMachine(b -> b.stateMachineArn(arn)).definition())
        .isEqualTo(PASS);
    var forExecution = fixture.sfn.describeStateMachineForExecution(b -> b.executionArn(running));
    assertThat(forExecution.definition()).isEqualTo(WAIT);
    assertThat(forExecution.stateMachineArn()).isEqualTo(arn);
  }

  @Test
  void tagsAreAddedListedAndRemoved() {
    String arn = fixture.createMachineFromText("m", PASS);
    fixture.sfn.tagResource(
        b ->
            b.resourceArn(arn)
                .tags(
                    Tag.builder().key("team").value("compute").build(),
                    Tag.builder().key("env").value("dev").build()));
    assertThat(fixture.sfn.listTagsForResource(b -> b.resourceArn(arn)).tags())
        .extracting(Tag::key)
        .containsExactly("env", "team");
    fixture.sfn.untagResource(b -> b.resourceArn(arn).tagKeys("env"));
    assertThat(fixture.sfn.listTagsForResource(b -> b.resourceArn(arn)).tags())
        .containsExactly(Tag.builder().key("team").value("compute").build());
  }

  @Test
  void deleteRemovesTheMachine() {
    String arn = fixture.createMachineFromText("m", PASS);
    fixture.sfn.deleteStateMachine(b -> b.stateMachineArn(arn));
    assertThat(
            catchThrowableOfType(
                () -> fixture.sfn.describeStateMachine(b -> b.stateMachineArn(arn)),
                StateMachineDoesNotExistException.class))
        .isNotNull();
  }

  @Test
  void validateReportsDiagnosticsWithCodeMessageAndLocation() {
    var ok = fixture.sfn.validateStateMachineDefinition(b -> b.definition(PASS));
    assertThat(ok.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
    assertThat(ok.diagnostics()).isEmpty();
    String bad =
        "{\"StartAt\":\"A\",\"States\":{"
            + "\"A\":{\"Type\":\"Pass\",\"Next\":\"Missing\"},"
            + "\"B\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::nothing\",\"End\":true},"
            + "\"C\":{\"Type\":\"Fly\"}}}";
    var failed = fixture.sfn.validateStateMachineDefinition(b -> b.definition(bad));
    assertThat(failed.result()).isEqualTo(ValidateStateMachineDefinitionResultCode.FAIL);
    assertThat(failed.diagnostics())
        .extracting(
            ValidateStateMachineDefinitionDiagnostic::code,
            ValidateStateMachineDefinitionDiagnostic::location)
        .contains(
            Tuple.tuple("MISSING_TRANSITION_TARGET", "/States/A/Next"),
            Tuple.tuple("INVALID_RESOURCE", "/States/B/Resource"),
            Tuple.tuple("SCHEMA_VALIDATION_FAILED", "/States/C/Type"));
  }

  @Test
  void unreachableStatesAndMissingEndsAreDiagnosed() {
    String unreachable =
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"},\"B\":{\"Type\":\"Succeed\"}}}";
    assertThat(
            fixture
                .sfn
                .validateStateMachineDefinition(b -> b.definition(unreachable))
                .diagnostics())
        .extracting(
            ValidateStateMachineDefinitionDiagnostic::code,
            ValidateStateMachineDefinitionDiagnostic::location)
        .containsExactly(Tuple.tuple("UNREACHABLE_STATE", "/States/B"));
    String loop = "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"A\"}}}";
    assertThat(fixture.sfn.validateStateMachineDefinition(b -> b.definition(loop)).diagnostics())
        .extracting(ValidateStateMachineDefinitionDiagnostic::code)
        .containsExactly("MISSING_END_STATE");
    String jsonataWithPath =
        "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"InputPath\":\"$.x\",\"End\":true}}}";
    assertThat(
            fixture
                .sfn
                .validateStateMachineDefinition(b -> b.definition(jsonataWithPath))
                .diagnostics())
        .extracting(ValidateStateMachineDefinitionDiagnostic::location)
        .containsExactly("/States/A/InputPath");
  }

  @Test
  void failStatePathsMayCallIntrinsicsButOnlyWellFormedOnes() {
    // The Guide: ErrorPath and CausePath may be "an intrinsic function that returns a string".
    String intrinsic =
        "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\","
            + "\"ErrorPath\":\"States.Format('{}.Failed', $.service)\","
            + "\"CausePath\":\"States.JsonToString($)\"}}}";
    assertThat(fixture.sfn.validateStateMachineDefinition(b -> b.definition(intrinsic)).result())
        .isEqualTo(ValidateStateMachineDefinitionResultCode.OK);
    String malformed =
        "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\","
            + "\"ErrorPath\":\"States.Format('{}', $.a\",\"CausePath\":\"cause\"}}}";
    assertThat(
            fixture.sfn.validateStateMachineDefinition(b -> b.definition(malformed)).diagnostics())
        .extracting(
            ValidateStateMachineDefinitionDiagnostic::code,
            ValidateStateMachineDefinitionDiagnostic::location)
        .containsExactly(
            Tuple.tuple("SCHEMA_VALIDATION_FAILED", "/States/F/ErrorPath"),
            Tuple.tuple("SCHEMA_VALIDATION_FAILED", "/States/F/CausePath"));
  }

  @Test
  void variableNamesFollowAwsRules() {
    String badName =
        "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\","
            + "\"Assign\":{\"1st\":1,\"states\":2,\"ok_name\":3},\"End\":true}}}";
    assertThat(fixture.sfn.validateStateMachineDefinition(b -> b.definition(badName)).diagnostics())
        .extracting(ValidateStateMachineDefinitionDiagnostic::location)
        .containsExactlyInAnyOrder("/States/A/Assign/1st", "/States/A/Assign/states");
  }
}
