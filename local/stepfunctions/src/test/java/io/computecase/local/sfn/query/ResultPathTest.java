package io.computecase.local.sfn.query;

import static io.computecase.local.sfn.query.QueryFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** ResultPath: where a state's result goes in its input, as the AWS developer guide describes. */
class ResultPathTest {
  private static final JsonNode INPUT =
      json(
          "{\"comment\": \"This is a test\", \"details\": \"Default example\", \"who\": \"AWS Step"
              + " Functions\"}");

  @Test
  void dollarReplacesTheInputWithTheResult() {
    assertThat(JsonPaths.applyResultPath(INPUT, "$", json("\"Hello, AWS Step Functions!\"")))
        .isEqualTo(json("\"Hello, AWS Step Functions!\""));
  }

  @Test
  void nullDiscardsTheResultAndKeepsTheInput() {
    assertThat(JsonPaths.applyResultPath(INPUT, null, json("{\"x\": 1}"))).isEqualTo(INPUT);
  }

  @Test
  void aFieldPathAddsTheResultToTheInput() {
    assertThat(JsonPaths.applyResultPath(INPUT, "$.taskresult", json("\"Hello!\"")))
        .isEqualTo(
            json(
                "{\"comment\": \"This is a test\", \"details\": \"Default example\","
                    + " \"who\": \"AWS Step Functions\", \"taskresult\": \"Hello!\"}"));
  }

  @Test
  void anExistingFieldIsReplaced() {
    assertThat(JsonPaths.applyResultPath(INPUT, "$.who", json("42")))
        .isEqualTo(
            json(
                "{\"comment\": \"This is a test\", \"details\": \"Default example\", \"who\":"
                    + " 42}"));
  }

  @Test
  void missingIntermediateObjectsAreCreated() {
    assertThat(JsonPaths.applyResultPath(json("{\"a\": 1}"), "$.x.y['z z']", json("true")))
        .isEqualTo(json("{\"a\": 1, \"x\": {\"y\": {\"z z\": true}}}"));
  }

  @Test
  void anArrayElementCanBeReplaced() {
    assertThat(JsonPaths.applyResultPath(json("{\"a\": [1, {\"b\": 2}]}"), "$.a[1].c", json("3")))
        .isEqualTo(json("{\"a\": [1, {\"b\": 2, \"c\": 3}]}"));
  }

  @Test
  void theInputIsNotModified() {
    JsonNode input = json("{\"a\": {\"b\": 1}}");
    JsonNode output = JsonPaths.applyResultPath(input, "$.a.c", json("2"));
    assertThat(input).isEqualTo(json("{\"a\": {\"b\": 1}}"));
    assertThat(output).isEqualTo(json("{\"a\": {\"b\": 1, \"c\": 2}}"));
  }

  @Test
  void aScalarInTheWayFailsWithResultPathMatchFailure() {
    QueryException failure =
        catchThrowableOfType(
            QueryException.class,
            () -> JsonPaths.applyResultPath(json("{\"a\": \"text\"}"), "$.a.b", json("1")));
    assertThat(failure.error()).isEqualTo("States.ResultPathMatchFailure");
    assertThat(failure.cause()).isEqualTo("Unable to apply ReferencePath $.a.b to input \"text\"");
  }

  @Test
  void aNonObjectInputFailsWithResultPathMatchFailure() {
    QueryException failure =
        catchThrowableOfType(
            QueryException.class,
            () -> JsonPaths.applyResultPath(json("[1, 2]"), "$.a", json("1")));
    assertThat(failure.error()).isEqualTo("States.ResultPathMatchFailure");
    assertThat(failure.cause()).isEqualTo("Unable to apply ReferencePath $.a to input [1,2]");
  }

  @Test
  void anIndexPastTheEndFailsWithResultPathMatchFailure() {
    QueryException failure =
        catchThrowableOfType(
            QueryException.class,
            () -> JsonPaths.applyResultPath(json("{\"a\": [1]}"), "$.a[3]", json("1")));
    assertThat(failure.error()).isEqualTo("States.ResultPathMatchFailure");
    assertThat(failure.cause()).isEqualTo("Unable to apply ReferencePath $.a[3] to input [1]");
  }

  @Test
  void aNullResultIsStoredAsJsonNull() {
    assertThat(JsonPaths.applyResultPath(json("{}"), "$.r", null)).isEqualTo(json("{\"r\": null}"));
  }

  @Test
  void theContextObjectAndVariablesCannotBeWritten() {
    assertThat(JsonPaths.validateResultPath("$.a.b")).isEmpty();
    assertThat(JsonPaths.validateResultPath("$$.Execution"))
        .contains(
            "The value '$$.Execution' is not a valid ReferencePath: the context object ($$) cannot"
                + " be written");
    assertThat(JsonPaths.validateResultPath("$counter"))
        .contains(
            "The value '$counter' is not a valid ReferencePath: a variable cannot be written by a"
                + " ResultPath; use Assign");
    QueryException failure =
        catchThrowableOfType(
            QueryException.class,
            () -> JsonPaths.applyResultPath(json("{}"), "$$.Task", json("1")));
    assertThat(failure.error()).isEqualTo("States.ResultPathMatchFailure");
  }
}
