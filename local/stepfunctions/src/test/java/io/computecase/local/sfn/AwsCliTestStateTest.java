package io.computecase.local.sfn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.support.EngineFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AWS CLI's {@code aws stepfunctions test-state} tests states against the engine over HTTP:
 * inspection data, a real service call, a mock caught by a Catch, and a refused definition. AWS
 * serves TestState on a "sync-" host, so the CLI is told not to prefix the local endpoint's host.
 */
class AwsCliTestStateTest {
  private EngineFixture fixture;

  @BeforeEach
  void cliHasTestState() {
    Assumptions.assumeTrue(
        run("test-state", "--generate-cli-skeleton").exit() == 0,
        "the installed AWS CLI has no 'stepfunctions test-state' (too old, or not installed)");
    fixture = new EngineFixture(true);
  }

  @AfterEach
  void close() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void debugShowsEachStageOfAPassState() throws Exception {
    JsonNode answer =
        ok(
            "test-state",
            "--definition",
            "{\"Type\":\"Pass\",\"InputPath\":\"$.order\",\"Parameters\":{\"id.$\":\"$.id\"},"
                + "\"ResultPath\":\"$.copy\",\"Next\":\"Ship\"}",
            "--role-arn",
            EngineFixture.ROLE,
            "--input",
            "{\"order\":{\"id\":7}}",
            "--inspection-level",
            "DEBUG");
    assertThat(answer.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(answer.path("nextState").asText()).isEqualTo("Ship");
    assertThat(json(answer.path("output").asText()))
        .isEqualTo(json("{\"order\":{\"id\":7},\"copy\":{\"id\":7}}"));
    JsonNode inspection = answer.path("inspectionData");
    assertThat(json(inspection.path("input").asText())).isEqualTo(json("{\"order\":{\"id\":7}}"));
    assertThat(json(inspection.path("afterInputPath").asText())).isEqualTo(json("{\"id\":7}"));
    assertThat(json(inspection.path("afterParameters").asText())).isEqualTo(json("{\"id\":7}"));
    assertThat(json(inspection.path("afterResultPath").asText()))
        .isEqualTo(json("{\"order\":{\"id\":7},\"copy\":{\"id\":7}}"));
  }

  @Test
  void aTaskCallsTheEnginesSqsIntegration() throws Exception {
    JsonNode answer =
        ok(
            "test-state",
            "--definition",
            "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sqs:sendMessage\","
                + "\"Parameters\":{\"QueueUrl\":\"http://sqs/000000000000/work\","
                + "\"MessageBody.$\":\"$.text\"},\"End\":true}",
            "--role-arn",
            EngineFixture.ROLE,
            "--input",
            "{\"text\":\"from the cli\"}");
    assertThat(answer.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(answer.has("nextState")).isFalse();
    assertThat(json(answer.path("output").asText()).has("MessageId")).isTrue();
    assertThat(fixture.queue.sent().get(0).path("MessageBody").asText()).isEqualTo("from the cli");
  }

  @Test
  void aMockedErrorIsCaught() throws Exception {
    JsonNode answer =
        ok(
            "test-state",
            "--definition",
            "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::events:putEvents"
                + ".waitForTaskToken\",\"Parameters\":{\"Entries\":[]},\"End\":true,"
                + "\"Catch\":[{\"ErrorEquals\":[\"Worker.Refused\"],\"Next\":\"Fallback\"}]}",
            "--mock",
            "{\"errorOutput\":{\"error\":\"Worker.Refused\",\"cause\":\"busy\"}}",
            "--inspection-level",
            "TRACE");
    assertThat(answer.path("status").asText()).isEqualTo("CAUGHT_ERROR");
    assertThat(answer.path("nextState").asText()).isEqualTo("Fallback");
    assertThat(json(answer.path("output").asText()))
        .isEqualTo(json("{\"Error\":\"Worker.Refused\",\"Cause\":\"busy\"}"));
    assertThat(answer.at("/inspectionData/errorDetails/catchIndex").asInt()).isZero();
    assertThat(fixture.bus.entries()).isEmpty();
  }

  @Test
  void anUnknownStateTypeIsRefusedAsAnInvalidDefinition() {
    CliResult result =
        run(
            "test-state",
            "--definition",
            "{\"Type\":\"Sleep\",\"End\":true}",
            "--role-arn",
            EngineFixture.ROLE,
            "--endpoint-url",
            fixture.server.endpoint());
    assertThat(result.exit()).isNotZero();
    assertThat(result.stderr()).contains("InvalidDefinition").contains("TestState");
  }

  private JsonNode ok(String... command) throws Exception {
    List<String> line = new ArrayList<>(List.of(command));
    line.addAll(List.of("--endpoint-url", fixture.server.endpoint()));
    CliResult result = run(line.toArray(String[]::new));
    assertThat(result.exit()).as(result.stderr()).isZero();
    return json(result.stdout());
  }

  private static JsonNode json(String text) throws Exception {
    return AwsJson.MAPPER.readTree(text);
  }

  private record CliResult(int exit, String stdout, String stderr) {}

  private static CliResult run(String... command) {
    List<String> line = new ArrayList<>(List.of("aws", "stepfunctions"));
    line.addAll(List.of(command));
    line.addAll(List.of("--region", "us-east-1", "--output", "json"));
    ProcessBuilder builder = new ProcessBuilder(line);
    Map<String, String> env = builder.environment();
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_PAGER", "");
    // TestState's endpoint carries AWS's "sync-" host prefix; a local endpoint has none.
    env.put("AWS_DISABLE_HOST_PREFIX_INJECTION", "true");
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      byte[] stdout = process.getInputStream().readAllBytes();
      byte[] stderr = process.getErrorStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new CliResult(-1, "", "timed out");
      }
      return new CliResult(
          process.exitValue(),
          new String(stdout, StandardCharsets.UTF_8),
          new String(stderr, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new CliResult(-1, "", String.valueOf(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new CliResult(-1, "", "interrupted");
    }
  }
}
