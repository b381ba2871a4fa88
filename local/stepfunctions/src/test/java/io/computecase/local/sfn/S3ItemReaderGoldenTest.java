package io.computecase.local.sfn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.support.S3MapFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;

/**
 * Golden cases under src/test/resources/asl/s3: each file holds the objects of the {@code data}
 * bucket (a string is the object's text, anything else is written as JSON), a definition whose
 * Distributed Map reads them through ItemReader, an input, and what AWS answers: status, output or
 * error and cause, and optionally the Map Run's item counts as DescribeMapRun tells them. Files
 * under asl/s3/guesses are behaviour the documentation leaves open; each names under "guess" the
 * closest documented behaviour.
 */
class S3ItemReaderGoldenTest {
  static Stream<Path> cases() throws IOException {
    return files(Path.of("src/test/resources/asl/s3"));
  }

  static Stream<Path> guesses() throws IOException {
    return files(Path.of("src/test/resources/asl/s3/guesses"));
  }

  private static Stream<Path> files(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsItemsAsAwsDoes(Path file) throws IOException {
    run(AwsJson.MAPPER.readTree(file.toFile()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("guesses")
  void readsItemsAsTheClosestDocumentedBehaviourGuess(Path file) throws IOException {
    JsonNode golden = AwsJson.MAPPER.readTree(file.toFile());
    assertThat(golden.path("guess").asText())
        .as("a guess names the documented behaviour it follows")
        .isNotBlank();
    run(golden);
  }

  private static void run(JsonNode golden) {
    try (S3MapFixture fixture = new S3MapFixture()) {
      for (Iterator<Map.Entry<String, JsonNode>> objects = golden.path("objects").fields();
          objects.hasNext(); ) {
        Map.Entry<String, JsonNode> object = objects.next();
        fixture.put(object.getKey(), object.getValue());
      }
      DescribeExecutionResponse ended =
          fixture.run(golden.get("definition").toString(), golden.path("input").toString());
      JsonNode expect = golden.get("expect");
      assertThat(ended.statusAsString())
          .as("status (cause: %s)", ended.cause())
          .isEqualTo(expect.get("status").asText());
      if (expect.has("output")) {
        assertThat(readTree(ended.output())).as("output").isEqualTo(expect.get("output"));
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
      if (expect.has("itemCounts")) {
        DescribeMapRunResponse mapRun = fixture.mapRun(ended.executionArn());
        expect
            .get("itemCounts")
            .fields()
            .forEachRemaining(
                count ->
                    assertThat(count(mapRun, count.getKey()))
                        .as("itemCounts." + count.getKey() + " of " + mapRun.itemCounts())
                        .isEqualTo(count.getValue().asLong()));
      }
    }
  }

  private static long count(DescribeMapRunResponse mapRun, String name) {
    var counts = mapRun.itemCounts();
    return switch (name) {
      case "pending" -> counts.pending();
      case "running" -> counts.running();
      case "succeeded" -> counts.succeeded();
      case "failed" -> counts.failed();
      case "timedOut" -> counts.timedOut();
      case "aborted" -> counts.aborted();
      case "total" -> counts.total();
      default -> throw new IllegalArgumentException("no item count " + name);
    };
  }

  private static JsonNode readTree(String json) {
    try {
      return AwsJson.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
