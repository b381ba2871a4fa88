package io.computecase.local.sfn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.support.EngineFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * answers (status, output or error and cause, optionally the history's event types). The engine
 * clock is advanced a second at a time while the execution runs, so waits and timeouts pass in
 * milliseconds.
 */
class AslGoldenTest {
  static Stream<Path> cases() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/asl"))) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void runsAsAwsDoes(Path file) throws IOException {
    JsonNode golden = AwsJson.MAPPER.readTree(file.toFile());
    try (EngineFixture fixture = new EngineFixture()) {
      if (golden.has("eventBusFailsWith")) {
        fixture.bus.failWith(golden.get("eventBusFailsWith").asText());
      }
      String machine = fixture.createMachineFromText("golden", golden.get("definition").toString());
      String arn =
          fixture
              .sfn
              .startExecution(
                  b -> b.stateMachineArn(machine).name("run").input(golden.get("input").toString()))
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
      JsonNode expect = golden.get("expect");
      assertThat(ended.statusAsString()).as("status").isEqualTo(expect.get("status").asText());
      if (expect.has("output")) {
        assertThat(AwsJson.MAPPER.readTree(ended.output()))
            .as("output")
            .isEqualTo(expect.get("output"));
      }
      if (expect.has("error")) {
        assertThat(ended.error()).as("error").isEqualTo(expect.get("error").asText());
      }
      if (expect.has("cause")) {
        assertThat(ended.cause()).as("cause").isEqualTo(expect.get("cause").asText());
      }
      if (expect.has("causeContains")) {
        assertThat(ended.cause()).as("cause").contains(expect.get("causeContains").asText());
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
        assertThat(types).as("history").containsExactlyElementsOf(expected);
      }
    }
  }
}
