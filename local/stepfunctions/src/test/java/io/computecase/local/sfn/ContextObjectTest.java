package io.computecase.local.sfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.support.EngineFixture;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The context object ($$) as the Guide's "Context object fields" give it: Execution, State
 * (EnteredTime, Name, RetryCount) and StateMachine in every state, RetryCount counting a state's
 * retries, and Execution.RedriveTime only once the execution was redriven.
 */
class ContextObjectTest {
  private final EngineFixture fixture = new EngineFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void everyStateSeesTheDocumentedFields() throws Exception {
    String definition =
        "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\","
            + "\"Parameters\":{\"context.$\":\"$$\"},\"End\":true}}}";
    String machine = fixture.createMachineFromText("ctx", definition);
    String arn =
        fixture
            .sfn
            .startExecution(b -> b.stateMachineArn(machine).name("first").input("{\"k\":\"v\"}"))
            .executionArn();
    var ended = fixture.awaitEnd(arn);
    JsonNode context = AwsJson.MAPPER.readTree(ended.output()).get("context");
    assertThat(context.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("Execution", "State", "StateMachine");
    assertThat(context.get("State").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("EnteredTime", "Name", "RetryCount");
    assertThat(context.at("/State/Name").asText()).isEqualTo("P");
    assertThat(context.at("/State/RetryCount").isIntegralNumber()).isTrue();
    assertThat(context.at("/State/RetryCount").asInt()).isZero();
    assertThat(context.get("Execution").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("Id", "Input", "Name", "RoleArn", "StartTime", "RedriveCount");
    assertThat(context.at("/Execution/Input")).isEqualTo(AwsJson.MAPPER.readTree("{\"k\":\"v\"}"));
    assertThat(context.at("/StateMachine/Name").asText()).isEqualTo("ctx");
  }

  @Test
  void retryCountCountsTheRetriesOfTheState() throws Exception {
    String definition =
        "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
            + "\"Resource\":\"arn:aws:states:::events:putEvents.waitForTaskToken\","
            + "\"Parameters\":{\"Entries\":[{\"Source\":\"s\",\"DetailType\":\"d\",\"Detail\":{"
            + "\"t.$\":\"$$.Task.Token\",\"retry.$\":\"$$.State.RetryCount\"}}]},"
            + "\"Retry\":[{\"ErrorEquals\":[\"Nope\"],\"IntervalSeconds\":1,\"MaxAttempts\":2}],"
            + "\"End\":true}}}";
    String machine = fixture.createMachineFromText("retries", definition);
    String arn =
        fixture.sfn.startExecution(b -> b.stateMachineArn(machine).input("{}")).executionArn();
    for (int attempt = 0; attempt < 3; attempt++) {
      int seen = attempt + 1;
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                fixture.clock.advance(Duration.ofSeconds(1));
                return fixture.bus.details("d").size() == seen;
              });
      JsonNode detail = fixture.bus.details("d").get(attempt);
      assertThat(detail.path("retry").asInt())
          .as("RetryCount of attempt " + seen)
          .isEqualTo(attempt);
      String token = detail.path("t").asText();
      if (attempt < 2) {
        fixture.sfn.sendTaskFailure(b -> b.taskToken(token).error("Nope"));
      } else {
        fixture.sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"done\":true}"));
      }
    }
    assertThat(fixture.awaitEnd(arn).output()).isEqualTo("{\"done\":true}");
  }

  @Test
  void redriveTimeAppearsOnlyOnceTheExecutionWasRedriven() throws Exception {
    String definition =
        "{\"StartAt\":\"Before\",\"States\":{"
            + "\"Before\":{\"Type\":\"Pass\",\"Parameters\":{\"execution.$\":\"$$.Execution\"},"
            + "\"ResultPath\":\"$.before\",\"Next\":\"Put\"},"
            + "\"Put\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::events:putEvents\","
            + "\"Parameters\":{\"Entries\":[{\"Source\":\"s\",\"DetailType\":\"d\",\"Detail\":{}}]},"
            + "\"ResultPath\":null,\"Next\":\"After\"},"
            + "\"After\":{\"Type\":\"Pass\",\"Parameters\":{\"count.$\":\"$$.Execution.RedriveCount\","
            + "\"time.$\":\"$$.Execution.RedriveTime\"},\"ResultPath\":\"$.after\",\"End\":true}}}";
    String machine = fixture.createMachineFromText("redrive", definition);
    fixture.bus.failWith("InternalException");
    String arn =
        fixture.sfn.startExecution(b -> b.stateMachineArn(machine).input("{}")).executionArn();
    assertThat(fixture.awaitEnd(arn).status()).isEqualTo(ExecutionStatus.FAILED);
    fixture.bus.failWith(null);
    fixture.sfn.redriveExecution(b -> b.executionArn(arn));
    var redriven = fixture.awaitEnd(arn);
    assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode output = AwsJson.MAPPER.readTree(redriven.output());
    assertThat(output.at("/before/execution").has("RedriveTime")).isFalse();
    assertThat(output.at("/before/execution/RedriveCount").asInt()).isZero();
    assertThat(output.at("/after/count").asInt()).isEqualTo(1);
    assertThat(output.at("/after/time").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(Instant.parse(output.at("/after/time").asText())).isEqualTo(redriven.redriveDate());
  }
}
