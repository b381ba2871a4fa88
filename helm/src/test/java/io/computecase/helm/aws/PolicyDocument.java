package io.computecase.helm.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.computecase.helm.chart.ChartSources;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** An IAM policy document from docs/aws, read as its statements. */
public record PolicyDocument(String file, JsonNode json, List<Statement> statements) {

  static final ObjectMapper JSON = new ObjectMapper();

  /** One statement, with Action and Resource normalised to lists. */
  public record Statement(
      String sid,
      String effect,
      List<String> actions,
      List<String> resources,
      JsonNode condition) {}

  public static PolicyDocument read(String file) throws IOException {
    JsonNode json =
        JSON.readTree(ChartSources.repositoryRoot().resolve("docs/aws").resolve(file).toFile());
    List<Statement> statements = new ArrayList<>();
    for (JsonNode statement : json.path("Statement")) {
      statements.add(
          new Statement(
              statement.path("Sid").asText(),
              statement.path("Effect").asText(),
              strings(statement.path("Action")),
              strings(statement.path("Resource")),
              statement.path("Condition")));
    }
    return new PolicyDocument(file, json, statements);
  }

  static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isTextual()) {
      values.add(node.asText());
    } else {
      node.forEach(n -> values.add(n.asText()));
    }
    return values;
  }

  public List<String> actions() {
    return statements.stream().flatMap(s -> s.actions().stream()).toList();
  }

  /** Resources granted for one action, across statements. */
  public List<String> resourcesOf(String action) {
    return statements.stream()
        .filter(s -> s.actions().contains(action))
        .flatMap(s -> s.resources().stream())
        .toList();
  }
}
