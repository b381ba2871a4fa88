package io.computecase.local.sfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.support.EngineFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The AWS CLI drives the engine over HTTP: create, start, callback, describe, history. */
class AwsCliTest {
  private static final String WAITING =
      "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
          + "\"Resource\":\"arn:aws:states:::events:putEvents.waitForTaskToken\","
          + "\"Parameters\":{\"Entries\":[{\"Source\":\"cli\",\"DetailType\":\"d\",\"Detail\":{\"t.$\":\"$$.Task.Token\"}}]},"
          + "\"End\":true}}}";

  private EngineFixture fixture;

  @BeforeEach
  void cliIsInstalled() throws Exception {
    Assumptions.assumeTrue(cliPresent(), "the aws command is not installed (.ci/run installs it)");
    fixture = new EngineFixture(true);
  }

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void theCliRunsAnExecutionThroughItsTaskToken() throws Exception {
    JsonNode created =
        aws(
            "create-state-machine",
            "--name",
            "cli",
            "--definition",
            WAITING,
            "--role-arn",
            EngineFixture.ROLE);
    String machine = created.get("stateMachineArn").asText();
    JsonNode started =
        aws("start-execution", "--state-machine-arn", machine, "--input", "{\"from\":\"cli\"}");
    String execution = started.get("executionArn").asText();
    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.bus.details("d").size() == 1);
    String token = fixture.bus.details("d").get(0).path("t").asText();
    aws("send-task-success", "--task-token", token, "--task-output", "{\"ok\":1}");
    fixture.awaitEnd(execution);
    JsonNode described = aws("describe-execution", "--execution-arn", execution);
    assertThat(described.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(described.path("output").asText()).isEqualTo("{\"ok\":1}");
    JsonNode history = aws("get-execution-history", "--execution-arn", execution);
    assertThat(history.path("events").get(0).path("type").asText()).isEqualTo("ExecutionStarted");
    assertThat(history.path("events").size()).isEqualTo(8);
  }

  private JsonNode aws(String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of("aws", "stepfunctions"));
    line.addAll(List.of(command));
    line.addAll(
        List.of(
            "--endpoint-url",
            fixture.server.endpoint(),
            "--region",
            "us-east-1",
            "--output",
            "json"));
    ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
    builder.environment().put("AWS_ACCESS_KEY_ID", "test");
    builder.environment().put("AWS_SECRET_ACCESS_KEY", "test");
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out.isBlank() ? AwsJson.MAPPER.createObjectNode() : AwsJson.MAPPER.readTree(out);
  }

  private static boolean cliPresent() {
    try {
      Process process = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
