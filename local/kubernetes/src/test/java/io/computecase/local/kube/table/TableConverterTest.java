package io.computecase.local.kube.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.computecase.local.kube.discovery.PrinterColumn;
import io.computecase.local.kube.discovery.ResourceType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableConverterTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T01:00:00Z"), ZoneOffset.UTC);

  private static final ResourceType CASES =
      new ResourceType(
          "computecase.io",
          "v1alpha1",
          "ComputeCase",
          "computecases",
          "computecase",
          List.of("cc"),
          List.of(),
          true,
          true,
          null,
          List.of(
              new PrinterColumn("Phase", "string", "", "", 0, ".status.phase"),
              new PrinterColumn(
                  "Ready",
                  "string",
                  "",
                  "",
                  0,
                  "{.status.conditions[?(@.type==\"Ready\")].status}"),
              new PrinterColumn("Failed", "integer", "", "", 0, ".status.progress.failed"),
              new PrinterColumn("Age", "date", "", "", 0, ".metadata.creationTimestamp")),
          null);

  @Test
  void rowsEvaluateEveryPrinterColumn() throws Exception {
    JsonNode object =
        JSON.readTree(
            "{\"metadata\":{\"name\":\"demo\","
                + "\"creationTimestamp\":\"2026-01-01T00:55:00Z\"},\"status\":{\"phase\":\"Running\","
                + "\"conditions\":[{\"type\":\"Accepted\",\"status\":\"True\"},"
                + "{\"type\":\"Ready\",\"status\":\"False\"}],\"progress\":{\"failed\":3}}}");

    JsonNode table = new TableConverter(CLOCK).table(CASES, List.of(object), "7", null);

    assertThat(table.path("kind").asText()).isEqualTo("Table");
    assertThat(table.path("columnDefinitions").findValuesAsText("name"))
        .containsExactly("Name", "Phase", "Ready", "Failed", "Age");
    assertThat(table.path("rows").get(0).path("cells").toString())
        .isEqualTo("[\"demo\",\"Running\",\"False\",3,\"5m\"]");
    assertThat(table.path("rows").get(0).path("object").path("metadata").path("name").asText())
        .isEqualTo("demo");
  }

  @Test
  void missingValuesAreNull() throws Exception {
    JsonNode object = JSON.readTree("{\"metadata\":{\"name\":\"new\"}}");

    JsonNode table = new TableConverter(CLOCK).table(CASES, List.of(object), "1", "None");

    assertThat(table.path("rows").get(0).path("cells").toString())
        .isEqualTo("[\"new\",null,null,null,null]");
    assertThat(table.path("rows").get(0).has("object")).isFalse();
  }

  @Test
  void ageIsFormattedLikeKubectl() {
    assertThat(HumanDuration.format(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(HumanDuration.format(Duration.ofSeconds(192))).isEqualTo("3m12s");
    assertThat(HumanDuration.format(Duration.ofMinutes(75))).isEqualTo("75m");
    assertThat(HumanDuration.format(Duration.ofMinutes(5 * 60 + 30))).isEqualTo("5h30m");
    assertThat(HumanDuration.format(Duration.ofHours(51))).isEqualTo("2d3h");
    assertThat(HumanDuration.format(Duration.ofDays(400))).isEqualTo("400d");
  }

  @Test
  void columnPathsMustStartWithADot() {
    assertThatThrownBy(() -> new PrinterColumnPath("status.phase"))
        .hasMessageContaining("must start with '.'")
        .hasMessageContaining(".status.phase");
  }
}
