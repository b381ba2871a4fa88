package io.computecase.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real AWS CLI, pointed at the embedded services with --endpoint-url, runs a state machine that
 * waits for a task token and answers it: the wire protocol is AWS's, not only the SDK's view of it.
 */
class AwsCliDrivesTheLocalServicesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static EmbeddedAws aws;

  @TempDir static Path tmp;

  @BeforeAll
  static void start() {
    assumeTrue(awsCliPresent(), "the AWS CLI is not on the PATH");
    aws = EmbeddedAws.start();
  }

  @AfterAll
  static void stop() {
    if (aws != null) {
      aws.close();
    }
  }

  @Test
  void createStartWaitAnswerDescribeAndReadHistory() throws Exception {
    String queueUrl =
        cli(aws.sqsEndpoint().toString(), "sqs", "create-queue", "--queue-name", "cli-questions")
            .get("QueueUrl")
            .asText();
    Path definition = tmp.resolve("definition.json");
    try (InputStream in = getClass().getResourceAsStream("/awscli/wait-for-token.asl.json")) {
      Files.write(definition, in.readAllBytes());
    }
    String sfn = aws.stepFunctionsEndpoint().toString();

    String stateMachineArn =
        cli(
                sfn,
                "stepfunctions",
                "create-state-machine",
                "--name",
                "cli-waits",
                "--definition",
                "file://" + definition,
                "--role-arn",
                "arn:aws:iam::000000000000:role/cli")
            .get("stateMachineArn")
            .asText();
    String executionArn =
        cli(
                sfn,
                "stepfunctions",
                "start-execution",
                "--state-machine-arn",
                stateMachineArn,
                "--name",
                "first",
                "--input",
                JSON.createObjectNode()
                    .put("queueUrl", queueUrl)
                    .put("question", "six times seven?")
                    .toString())
            .get("executionArn")
            .asText();
    assertThat(executionArn).endsWith(":execution:cli-waits:first");

    JsonNode message =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    cli(
                            aws.sqsEndpoint().toString(),
                            "sqs",
                            "receive-message",
                            "--queue-url",
                            queueUrl,
                            "--wait-time-seconds",
                            "1")
                        .path("Messages"),
                JsonNode::isArray);
    JsonNode body = JSON.readTree(message.get(0).get("Body").asText());
    assertThat(body.get("question").asText()).isEqualTo("six times seven?");
    assertThat(
            cli(sfn, "stepfunctions", "describe-execution", "--execution-arn", executionArn)
                .get("status")
                .asText())
        .isEqualTo("RUNNING");

    cli(
        sfn,
        "stepfunctions",
        "send-task-success",
        "--task-token",
        body.get("token").asText(),
        "--task-output",
        "{\"answer\":42}");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                cli(sfn, "stepfunctions", "describe-execution", "--execution-arn", executionArn)
                    .get("status")
                    .asText(),
            "SUCCEEDED"::equals);
    JsonNode execution =
        cli(sfn, "stepfunctions", "describe-execution", "--execution-arn", executionArn);
    assertThat(JSON.readTree(execution.get("output").asText()).at("/answer/answer").asInt())
        .isEqualTo(42);
    List<String> types = new ArrayList<>();
    cli(sfn, "stepfunctions", "get-execution-history", "--execution-arn", executionArn)
        .get("events")
        .forEach(e -> types.add(e.get("type").asText()));
    assertThat(types)
        .startsWith("ExecutionStarted")
        .endsWith("ExecutionSucceeded")
        .contains("TaskSubmitted", "TaskSucceeded");
  }

  @Test
  void anAnswerWithAnUnknownTokenIsRefusedAsAwsRefusesIt() throws Exception {
    CliResult result =
        run(
            aws.stepFunctionsEndpoint().toString(),
            "stepfunctions",
            "send-task-success",
            "--task-token",
            "not-a-token",
            "--task-output",
            "{}");
    assertThat(result.exit()).isNotZero();
    assertThat(result.stderr()).contains("InvalidToken");
  }

  private static JsonNode cli(String endpoint, String... args) throws Exception {
    CliResult result = run(endpoint, args);
    assertThat(result.exit()).as("aws %s: %s", String.join(" ", args), result.stderr()).isZero();
    return result.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(result.stdout());
  }

  private record CliResult(int exit, String stdout, String stderr) {}

  private static CliResult run(String endpoint, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of("aws", "--endpoint-url", endpoint, "--output", "json"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_DEFAULT_REGION", EmbeddedAws.REGION);
    env.put("AWS_PAGER", "");
    Process process = builder.start();
    byte[] stdout = process.getInputStream().readAllBytes();
    byte[] stderr = process.getErrorStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    return new CliResult(
        process.exitValue(),
        new String(stdout, StandardCharsets.UTF_8),
        new String(stderr, StandardCharsets.UTF_8));
  }

  private static boolean awsCliPresent() {
    try {
      return new ProcessBuilder("aws", "--version").redirectErrorStream(true).start().waitFor()
          == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
