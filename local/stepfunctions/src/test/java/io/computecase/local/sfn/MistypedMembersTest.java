package io.computecase.local.sfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsServiceException;
import io.computecase.local.sfn.support.EngineFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Members an SDK would never send, of the wrong JSON type or out of AWS's bounds, are refused as
 * AWS refuses them and change nothing: found by the fuzz suite (issue #15), where each was served.
 */
class MistypedMembersTest {
  private static final String PASS =
      "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";

  private final EngineFixture fixture = new EngineFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  private AwsServiceException refused(String operation, ObjectNode request) {
    return catchThrowableOfType(
        AwsServiceException.class, () -> fixture.engine.api().invoke(operation, request));
  }

  private static ObjectNode machine(String name) {
    return AwsJson.MAPPER
        .createObjectNode()
        .put("name", name)
        .put("definition", PASS)
        .put("roleArn", EngineFixture.ROLE);
  }

  @Test
  void createStateMachineWithMistypedConfigurationCreatesNothing() {
    ObjectNode tagsAnObject = machine("typed");
    tagsAnObject.putObject("tags").put("key", "k");
    ObjectNode keyAList = machine("typed");
    keyAList.putArray("tags").addObject().putArray("key").add("k");
    ObjectNode loggingABoolean = machine("typed").put("loggingConfiguration", true);
    ObjectNode levelAnObject = machine("typed");
    levelAnObject.putObject("loggingConfiguration").putObject("level");
    ObjectNode tracingAList = machine("typed");
    tracingAList.putArray("tracingConfiguration");
    ObjectNode enabledAString = machine("typed");
    enabledAString.putObject("tracingConfiguration").put("enabled", "yes");

    for (ObjectNode request :
        new ObjectNode[] {
          tagsAnObject, keyAList, loggingABoolean, levelAnObject, tracingAList, enabledAString
        }) {
      assertThat(refused("CreateStateMachine", request).code())
          .as(request.toString())
          .isEqualTo("SerializationException");
    }
    assertThat(fixture.sfn.listStateMachines().stateMachines()).isEmpty();
  }

  @Test
  void tagsBeyondAwsLimitsAreRefused() {
    String arn = fixture.createMachineFromText("tagged", PASS);
    ObjectNode tooMany = AwsJson.MAPPER.createObjectNode().put("resourceArn", arn);
    for (int i = 0; i < 51; i++) {
      tooMany.withArray("tags").addObject().put("key", "k" + i).put("value", "v");
    }
    ObjectNode longKey = AwsJson.MAPPER.createObjectNode().put("resourceArn", arn);
    longKey.putArray("tags").addObject().put("key", "k".repeat(129)).put("value", "v");
    ObjectNode keysAString =
        AwsJson.MAPPER.createObjectNode().put("resourceArn", arn).put("tagKeys", "k");

    assertThat(refused("TagResource", tooMany).code()).isEqualTo("TooManyTags");
    assertThat(refused("TagResource", longKey).code()).isEqualTo("ValidationException");
    assertThat(refused("UntagResource", keysAString).code()).isEqualTo("SerializationException");
    assertThat(fixture.sfn.listTagsForResource(b -> b.resourceArn(arn)).tags()).isEmpty();
  }

  @Test
  void anUnknownStatusFilterOrAMistypedValidateTypeIsRefused() {
    String arn = fixture.createMachineFromText("filtered", PASS);
    AwsServiceException filter =
        refused(
            "ListExecutions",
            AwsJson.MAPPER
                .createObjectNode()
                .put("stateMachineArn", arn)
                .put("statusFilter", "SLEEPING"));
    assertThat(filter.code()).isEqualTo("ValidationException");
    assertThat(filter.getMessage()).contains("statusFilter").contains("RUNNING");
    ObjectNode validate = AwsJson.MAPPER.createObjectNode().put("definition", PASS);
    validate.putObject("type");
    assertThat(refused("ValidateStateMachineDefinition", validate).code())
        .isEqualTo("SerializationException");
  }

  @Test
  void anEmptyInputIsInvalidExecutionInput() {
    String arn = fixture.createMachineFromText("empty-input", PASS);
    AwsServiceException empty =
        refused(
            "StartExecution",
            AwsJson.MAPPER.createObjectNode().put("stateMachineArn", arn).put("input", ""));
    assertThat(empty.code()).isEqualTo("InvalidExecutionInput");
    assertThat(fixture.sfn.listExecutions(b -> b.stateMachineArn(arn)).executions()).isEmpty();
  }
}
