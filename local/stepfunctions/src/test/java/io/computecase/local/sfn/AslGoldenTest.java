package io.computecase.local.sfn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.support.EngineFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Golden cases under src/test/resources/asl: each file holds a definition, an input and what AWS
 * answers (status, output or error and cause, optionally the history's event types), or several
 * such runs of the one definition under "runs". The engine clock is advanced a second at a time
 * while the execution runs, so waits and timeouts pass in milliseconds.
 *
 * <p>The files under asl/guesses are behaviour the AWS documentation does not settle: each names,
 * under "guess", the closest documented behaviour it was taken from.
 */
class AslGoldenTest {
  static Stream<Path> cases() throws IOException {
    return files(Path.of("src/test/resources/asl"));
  }

  static Stream<Path> guesses() throws IOException {
    return files(Path.of("src/test/resources/asl/guesses"));
  }

  private static Stream<Path> files(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void runsAsAwsDoes(Path file) throws IOException {
    runGolden(file);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("guesses")
  void runsAsTheClosestDocumentedBehaviourGuess(Path file) throws IOException {
    JsonNode golden = AwsJson.MAPPER.readTree(file.toFile());
    assertThat(golden.path("guess").asText())
        .as("a guess names the documented behaviour it follows")
        .isNotBlank();
    runGolden(file);
  }

  private static void runGolden(Path file) throws IOException {
    JsonNode golden = AwsJson.MAPPER.readTree(file.toFile());
    List<JsonNode> runs = new ArrayList<>();
    if (golden.has("runs")) {
      golden.get("runs").forEach(runs::add);
    } else {
      runs.add(golden);
    }
    try (EngineFixture fixture = new EngineFixture()) {
      if (golden.has("eventBusFailsWith")) {
        fixture.bus.failWith(golden.get("eventBusFailsWith").asText());
      }
      String machine = fixture.createMachineFromText("golden", golden.get("definition").toString());
      for (int i = 0; i < runs.size(); i++) {
        check(fixture, machine, i == 0 ? "run" : "run" + i, runs.get(i));
      }
    }
  }

  private static void check(EngineFixture fixture, String machine, String name, JsonNode run) {
    String arn =
        fixture
            .sfn
            .startExecution(
                b -> b.stateMachineArn(machine).name(name).input(run.get("input").toString()))
            .executionArn();
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(10))
        .until(
            () -> {
              boolean running =
                  fixture.sfn.describeExecution(b -> b.executionArn(arn)).status()
                      == ExecutionStatus.RUNNING;
              if (running) {
                fixture.clock.advance(Duration.ofSeconds(1));
              }
              return !running;
            });
    DescribeExecutionResponse ended = fixture.sfn.describeExecution(b -> b.executionArn(arn));
    JsonNode expect = run.get("expect");
    String which = name + " with input " + run.get("input");
    assertThat(ended.statusAsString())
        .as(which + ": status")
        .isEqualTo(expect.get("status").asText());
    if (expect.has("output")) {
      assertThat(readTree(ended.output())).as(which + ": output").isEqualTo(expect.get("output"));
    }
    if (expect.has("error")) {
      assertThat(ended.error()).as(which + ": error").isEqualTo(expect.get("error").asText());
    }
    if (expect.has("cause")) {
      assertThat(ended.cause()).as(which + ": cause").isEqualTo(expect.get("cause").asText());
    }
    if (expect.has("causeContains")) {
      assertThat(ended.cause())
          .as(which + ": cause")
          .contains(expect.get("causeContains").asText());
    }
    if (expect.has("historyTypes")) {
      List<String> types =
          fixture
              .sfn
              .getExecutionHistory(b -> b.executionArn(arn).maxResults(1000))
              .events()
              .stream()
              .map(HistoryEvent::typeAsString)
              .toList();
      List<String> expected = AwsJson.MAPPER.convertValue(expect.get("historyTypes"), List.class);
      assertThat(types).as(which + ": history").containsExactlyElementsOf(expected);
    }
  }

  private static JsonNode readTree(String json) {
    try {
      return AwsJson.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
