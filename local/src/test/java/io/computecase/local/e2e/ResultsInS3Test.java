package io.computecase.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.local.cli.ComputeCaseLocal;
import io.computecase.local.s3.EmbeddedS3;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Every case's per-item results land in S3 as the Distributed Map's ResultWriter writes them;
 * status.results says where, and {@code computecase-local results} reads them back as JSON Lines.
 * Items a user keeps in S3 are read from there, and a bad object fails the case naming the line.
 */
class ResultsInS3Test {
  private static StackFixture fixture;
  private static S3Client s3;
  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    fixture = new StackFixture(1, 50);
    s3 = EmbeddedS3.clientFor(fixture.stack.aws().s3Endpoint());
  }

  @AfterAll
  static void stop() {
    s3.close();
    fixture.close();
  }

  @Test
  void resultsCommandPrintsEveryItemAndTheFailedOnes() throws IOException {
    ComputeCaseSpec spec =
        StackFixture.generated(
            30,
            StackFixture.parameters(0)
                .set("failIndexes", StackFixture.JSON.createArrayNode().add(3).add(17)));
    spec.setToleratedFailurePercentage(100.0);
    Resource<ComputeCase> cc = fixture.apply("with-results", spec);
    await().atMost(Duration.ofMinutes(2)).until(() -> manifestKey("with-results") != null);
    assertThat(StackFixture.phase(cc)).isEqualTo("Succeeded");

    List<JsonNode> all = lines(run("results", "with-results"));
    assertThat(all).hasSize(30);
    assertThat(all.stream().map(l -> l.path("index").asInt()).sorted().toList())
        .isEqualTo(IntStream.range(0, 30).boxed().toList());
    assertThat(all)
        .filteredOn(l -> l.path("status").asText().equals("SUCCEEDED"))
        .hasSize(28)
        .allSatisfy(l -> assertThat(l.path("item").path("caseId").isTextual()).isTrue());

    List<JsonNode> failed = lines(run("results", "with-results", "--failed"));
    assertThat(failed).extracting(l -> l.path("index").asInt()).containsExactlyInAnyOrder(3, 17);
    assertThat(failed)
        .allSatisfy(
            l -> {
              assertThat(l.path("status").asText()).isEqualTo("FAILED");
              assertThat(l.path("error").asText()).isEqualTo("ComputeCase.SimulatedFailure");
            });

    Path file = dir.resolve("results.jsonl");
    run("results", "with-results", "--output", file.toString());
    assertThat(Files.readAllLines(file)).hasSize(30);
  }

  @Test
  void itemsKeptInS3AreReadWhereTheyAre() {
    s3.createBucket(r -> r.bucket("team-data"));
    StringBuilder jsonl = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      jsonl.append("{\"caseId\":\"u").append(i).append("\"}\n");
    }
    s3.putObject(
        r -> r.bucket("team-data").key("in/items.jsonl"), RequestBody.fromString(jsonl.toString()));
    applyFromS3("from-s3", "team-data", "in/items.jsonl", null);
    await().atMost(Duration.ofMinutes(2)).until(() -> manifestKey("from-s3") != null);

    assertThat(lines(run("results", "from-s3")))
        .hasSize(12)
        .allSatisfy(l -> assertThat(l.path("item").path("caseId").asText()).startsWith("u"));
  }

  @Test
  void aMalformedLineFailsTheCaseNamingTheObjectAndTheLine() {
    s3.createBucket(r -> r.bucket("broken-data"));
    s3.putObject(
        r -> r.bucket("broken-data").key("bad.jsonl"),
        RequestBody.fromString("{\"caseId\":\"0\"}\n{\"caseId\":\"1\"}\n{\"caseId\": \n"));
    applyFromS3("bad-line", "broken-data", "bad.jsonl", null);

    await().atMost(Duration.ofMinutes(2)).until(() -> "Failed".equals(phaseOf("bad-line")));
    assertThat(messageOf("bad-line")).contains("s3://broken-data/bad.jsonl").contains("line 3");
  }

  @Test
  void aCsvRowWithTheWrongColumnCountFailsTheCase() {
    s3.createBucket(r -> r.bucket("csv-data"));
    s3.putObject(
        r -> r.bucket("csv-data").key("rows.csv"),
        RequestBody.fromString("caseId,size\n0,10\n1,20,extra\n"));
    applyFromS3("bad-csv", "csv-data", "rows.csv", "CSV");

    await().atMost(Duration.ofMinutes(2)).until(() -> "Failed".equals(phaseOf("bad-csv")));
    assertThat(messageOf("bad-csv")).contains("s3://csv-data/rows.csv").contains("line 3");
  }

  private void applyFromS3(String name, String bucket, String key, String format) {
    String yaml =
        "apiVersion: computecase.io/v1alpha1\n"
            + "kind: ComputeCase\n"
            + "metadata: {name: "
            + name
            + ", namespace: "
            + StackFixture.NAMESPACE
            + "}\n"
            + "spec:\n"
            + "  parameters: {computeMs: 0}\n"
            + "  itemsFrom:\n"
            + "    s3: {bucket: "
            + bucket
            + ", key: "
            + key
            + (format == null ? "" : ", format: " + format)
            + "}\n";
    fixture
        .stack
        .client()
        .resource(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
        .create();
  }

  private static JsonNode statusOf(String name) {
    GenericKubernetesResource found =
        fixture
            .stack
            .client()
            .genericKubernetesResources("computecase.io/v1alpha1", "ComputeCase")
            .inNamespace(StackFixture.NAMESPACE)
            .withName(name)
            .get();
    return found == null
        ? StackFixture.JSON.nullNode()
        : StackFixture.JSON.valueToTree(found.getAdditionalProperties().get("status"));
  }

  private static String manifestKey(String name) {
    JsonNode key = statusOf(name).path("results").path("manifestKey");
    return key.isTextual() ? key.asText() : null;
  }

  private static String phaseOf(String name) {
    return statusOf(name).path("phase").asText(null);
  }

  private static String messageOf(String name) {
    return statusOf(name).path("message").asText("");
  }

  private String run(String... args) {
    Path kubeconfig =
        fixture
            .stack
            .embeddedKubernetes()
            .orElseThrow()
            .writeKubeconfig(dir.resolve("kubeconfig-" + System.nanoTime()));
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--kubeconfig",
            kubeconfig.toString(),
            "--s3-endpoint",
            fixture.stack.aws().s3Endpoint().toString()));
    StringWriter err = new StringWriter();
    StringWriter out = new StringWriter();
    CommandLine command = new CommandLine(new ComputeCaseLocal());
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    int code = command.execute(all.toArray(String[]::new));
    assertThat(code).as("results exit code; stderr: %s", err).isZero();
    return out.toString();
  }

  private static List<JsonNode> lines(String text) {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        try {
          lines.add(StackFixture.JSON.readTree(line));
        } catch (IOException e) {
          throw new AssertionError("not JSON: " + line, e);
        }
      }
    }
    return lines;
  }
}
