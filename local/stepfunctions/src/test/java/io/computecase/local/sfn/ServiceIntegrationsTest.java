package io.computecase.local.sfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.support.EngineFixture;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

/** sqs:sendMessage, states:startExecution (request-response, .sync, .sync:2) and sync Express. */
class ServiceIntegrationsTest {
  private final EngineFixture fixture = new EngineFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void sqsSendMessageSendsTheBodyAsJsonText() throws Exception {
    String machine =
        fixture.createMachineFromText(
            "send",
            "{\"StartAt\":\"Send\",\"States\":{\"Send\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sqs:sendMessage\","
                + "\"Parameters\":{\"QueueUrl\":\"http://queue/q\",\"MessageBody\":{\"n.$\":\"$.n\"}},"
                + "\"ResultSelector\":{\"id.$\":\"$.MessageId\"},\"End\":true}}}");
    String arn =
        fixture
            .sfn
            .startExecution(b -> b.stateMachineArn(machine).input("{\"n\":5}"))
            .executionArn();
    var ended = fixture.awaitEnd(arn);
    assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(AwsJson.MAPPER.readTree(ended.output()).path("id").asText()).isNotBlank();
    assertThat(fixture.queue.sent()).hasSize(1);
    assertThat(fixture.queue.sent().get(0).path("MessageBody").asText()).isEqualTo("{\"n\":5}");
  }

  @Test
  void sqsErrorsAreNamedAfterTheService() {
    String machine =
        fixture.createMachineFromText(
            "send",
            "{\"StartAt\":\"Send\",\"States\":{\"Send\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sqs:sendMessage\","
                + "\"Parameters\":{\"QueueUrl\":\"http://queue/missing\",\"MessageBody\":\"x\"},\"End\":true}}}");
    var ended =
        fixture.awaitEnd(
            fixture.sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn());
    assertThat(ended.error()).isEqualTo("SQS.QueueDoesNotExist");
    assertThat(ended.cause()).contains("The specified queue does not exist.");
  }

  @Test
  void startExecutionSyncWaitsForTheChildAndReturnsItsOutput() throws Exception {
    String child =
        fixture.createMachineFromText(
            "child",
            "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":{\"child\":true},\"End\":true}}}");
    String parent =
        fixture.createMachineFromText(
            "parent",
            "{\"StartAt\":\"Run\",\"States\":{\"Run\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::states:startExecution.sync:2\","
                + "\"Parameters\":{\"StateMachineArn\":\""
                + child
                + "\",\"Input\":{\"from\":\"parent\"}},\"OutputPath\":\"$.Output\",\"End\":true}}}");
    var ended =
        fixture.awaitEnd(fixture.sfn.startExecution(b -> b.stateMachineArn(parent)).executionArn());
    assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(ended.output()).isEqualTo("{\"child\":true}");
    var children = fixture.sfn.listExecutions(b -> b.stateMachineArn(child)).executions();
    assertThat(children).hasSize(1);
    assertThat(
            fixture
                .sfn
                .describeExecution(b -> b.executionArn(children.get(0).executionArn()))
                .input())
        .isEqualTo("{\"from\":\"parent\"}");
  }

  @Test
  void startExecutionSyncFailsWhenTheChildFails() {
    String child =
        fixture.createMachineFromText(
            "child",
            "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"ChildError\",\"Cause\":\"no\"}}}");
    String parent =
        fixture.createMachineFromText(
            "parent",
            "{\"StartAt\":\"Run\",\"States\":{\"Run\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::states:startExecution.sync\","
                + "\"Parameters\":{\"StateMachineArn\":\""
                + child
                + "\"},\"End\":true}}}");
    var ended =
        fixture.awaitEnd(fixture.sfn.startExecution(b -> b.stateMachineArn(parent)).executionArn());
    assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(ended.error()).isEqualTo("States.TaskFailed");
    assertThat(ended.cause()).contains("\"Error\":\"ChildError\"");
  }

  @Test
  void startExecutionRequestResponseReturnsTheChildsArn() throws Exception {
    String child =
        fixture.createMachineFromText(
            "child", "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");
    String parent =
        fixture.createMachineFromText(
            "parent",
            "{\"StartAt\":\"Run\",\"States\":{\"Run\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::states:startExecution\","
                + "\"Parameters\":{\"StateMachineArn\":\""
                + child
                + "\",\"Name\":\"kid\"},\"End\":true}}}");
    var ended =
        fixture.awaitEnd(fixture.sfn.startExecution(b -> b.stateMachineArn(parent)).executionArn());
    JsonNode output = AwsJson.MAPPER.readTree(ended.output());
    assertThat(output.path("ExecutionArn").asText())
        .isEqualTo("arn:aws:states:us-east-1:000000000000:execution:child:kid");
    assertThat(output.has("StartDate")).isTrue();
  }

  @Test
  void startSyncExecutionAnswersWithTheEndOfAnExpressExecution() {
    String machine =
        fixture
            .sfn
            .createStateMachine(
                b ->
                    b.name("express")
                        .type("EXPRESS")
                        .roleArn(EngineFixture.ROLE)
                        .definition(
                            "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":42,\"End\":true}}}"))
            .stateMachineArn();
    // AWS serves StartSyncExecution on a "sync-" host; a local endpoint needs that prefix off.
    try (SfnClient sync =
        SfnClient.builder()
            .endpointOverride(URI.create(fixture.server.endpoint()))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
            .overrideConfiguration(
                o ->
                    o.putAdvancedOption(
                        SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
            .build()) {
      var response = sync.startSyncExecution(b -> b.stateMachineArn(machine).input("{}"));
      assertThat(response.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
      assertThat(response.executionArn())
          .startsWith("arn:aws:states:us-east-1:000000000000:express:express:");
      assertThat(response.output()).isEqualTo("42");
    }
  }

  @Test
  void anIntegrationWithoutItsServiceFailsTheTask() {
    try (var bare = LocalStepFunctions.builder().build()) {
      var api = bare.api();
      var create = AwsJson.MAPPER.createObjectNode();
      create.put("name", "m");
      create.put("roleArn", EngineFixture.ROLE);
      create.put(
          "definition",
          "{\"StartAt\":\"Put\",\"States\":{\"Put\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::events:putEvents\",\"Parameters\":{\"Entries\":[]},\"End\":true}}}");
      String machine = api.invoke("CreateStateMachine", create).get("stateMachineArn").asText();
      String arn =
          api.invoke(
                  "StartExecution",
                  AwsJson.MAPPER.createObjectNode().put("stateMachineArn", machine))
              .get("executionArn")
              .asText();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  !api.invoke(
                          "DescribeExecution",
                          AwsJson.MAPPER.createObjectNode().put("executionArn", arn))
                      .path("status")
                      .asText()
                      .equals("RUNNING"));
      JsonNode described =
          api.invoke(
              "DescribeExecution", AwsJson.MAPPER.createObjectNode().put("executionArn", arn));
      assertThat(described.path("status").asText()).isEqualTo("FAILED");
      assertThat(described.path("cause").asText()).contains("no 'events' service is configured");
    }
  }
}
