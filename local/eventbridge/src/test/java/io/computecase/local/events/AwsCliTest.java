package io.computecase.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AWS CLI drives the local EventBridge end to end: bus, rule, target, events, listing. */
class AwsCliTest {
  private static Path aws;
  private static TestBed bed;

  @BeforeAll
  static void start() {
    aws = findOnPath("aws").orElse(null);
    assumeTrue(aws != null, "no aws binary on PATH");
    bed = TestBed.start();
  }

  @AfterAll
  static void stop() {
    if (bed != null) {
      bed.close();
    }
  }

  private static Optional<Path> findOnPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Runs {@code aws events <args>} against the local endpoint; returns its JSON output. */
  private static JsonNode events(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(aws.toString(), "events"));
    command.addAll(List.of(args));
    command.addAll(List.of("--endpoint-url", bed.server.endpoint(), "--output", "json"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.put("AWS_CONFIG_FILE", "/dev/null");
    env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    Process process = builder.start();
    boolean finished = process.waitFor(120, TimeUnit.SECONDS);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!finished) {
      process.destroyForcibly();
    }
    assertThat(finished).as("aws events %s finished", args[0]).isTrue();
    assertThat(process.exitValue()).as("aws events %s: %s", args[0], output).isZero();
    return output.isBlank() ? AwsJson.MAPPER.createObjectNode() : AwsJson.MAPPER.readTree(output);
  }

  @Test
  void theCliRoutesAnItemToItsTargetQueue() throws Exception {
    String url = bed.createQueue("computecase-cli");
    events("create-event-bus", "--name", "computecase");
    JsonNode rule =
        events(
            "put-rule",
            "--name",
            "computecase-cli",
            "--event-bus-name",
            "computecase",
            "--event-pattern",
            "{\"source\":[\"computecase.io\"],\"detail-type\":[\"ComputeCaseItem\"],\"detail\":{\"target\":[\"cli\"]}}");
    JsonNode targets =
        events(
            "put-targets",
            "--rule",
            "computecase-cli",
            "--event-bus-name",
            "computecase",
            "--targets",
            "Id=queue,Arn=" + TestBed.queueArn("computecase-cli"));
    JsonNode put =
        events(
            "put-events",
            "--entries",
            "[{\"Source\":\"computecase.io\",\"DetailType\":\"ComputeCaseItem\",\"EventBusName\":\"computecase\","
                + "\"Detail\":\"{\\\"target\\\":\\\"cli\\\",\\\"index\\\":0}\"},"
                + "{\"Source\":\"computecase.io\",\"DetailType\":\"ComputeCaseItem\",\"EventBusName\":\"computecase\"}]");
    JsonNode listed =
        events("list-rules", "--event-bus-name", "computecase", "--name-prefix", "computecase-");

    assertThat(rule.get("RuleArn").asText())
        .isEqualTo("arn:aws:events:us-east-1:000000000000:rule/computecase/computecase-cli");
    assertThat(targets.get("FailedEntryCount").asInt()).isZero();
    assertThat(put.get("FailedEntryCount").asInt()).isEqualTo(1);
    assertThat(put.at("/Entries/1/ErrorCode").asText()).isEqualTo("InvalidArgument");
    assertThat(listed.get("Rules")).hasSize(1);
    assertThat(listed.at("/Rules/0/Name").asText()).isEqualTo("computecase-cli");
    JsonNode delivered = AwsJson.MAPPER.readTree(bed.receive(url, 1).get(0).body());
    assertThat(delivered.get("id").asText()).isEqualTo(put.at("/Entries/0/EventId").asText());
    assertThat(delivered.at("/detail/target").asText()).isEqualTo("cli");
  }
}
