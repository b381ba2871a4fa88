package io.computecase.local.sfn.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** JSON literals, the context object the engine builds, and golden files for the query tests. */
final class QueryFixtures {
  static final JsonNode CONTEXT =
      json(
          """
          {"Execution": {"Id": "arn:aws:states:us-east-1:000000000000:execution:computecase:run-1",
                         "Input": {"k": "v"}, "Name": "run-1",
                         "RoleArn": "arn:aws:iam::000000000000:role/sfn",
                         "StartTime": "2026-11-28T10:00:00.000Z", "RedriveCount": 0},
           "State": {"EnteredTime": "2026-11-28T10:00:01.000Z", "Name": "Work", "RetryCount": 0},
           "StateMachine": {"Id": "arn:aws:states:us-east-1:000000000000:stateMachine:computecase",
                            "Name": "computecase"},
           "Task": {"Token": "token-1"},
           "Map": {"Item": {"Index": 2, "Value": {"id": "c"}}}}
          """);

  static final Map<String, JsonNode> VARIABLES =
      Map.of(
          "counter",
          json("3"),
          "customer",
          json("{\"name\": \"María\", \"tags\": [\"a\", \"b\"]}"));

  private QueryFixtures() {}

  static JsonNode json(String text) {
    try {
      return AwsJson.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  static QueryScope scope(String input) {
    return QueryScope.of(json(input), CONTEXT, VARIABLES);
  }

  static QueryScope scope(JsonNode input) {
    return QueryScope.of(input, CONTEXT, VARIABLES);
  }

  static JsonNode resource(String name) {
    try (InputStream in = QueryFixtures.class.getResourceAsStream("/query/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource /query/" + name);
      }
      return AwsJson.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
