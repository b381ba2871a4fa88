package io.computecase.local.sfn.query;

import static io.computecase.local.sfn.query.QueryFixtures.json;
import static io.computecase.local.sfn.query.QueryFixtures.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Paths on the input ($), the context object ($$) and variables ($name), as the ASL defines them.
 */
class JsonPathsTest {
  private static final String INPUT =
      """
      {"foo": 123, "bar": ["a", "b", "c"], "car": {"cdr": true},
       "items": [{"id": 1, "ok": true}, {"id": 2, "ok": false}], "n": null}
      """;

  @Test
  void selectsFromTheInputAsTheSpecExamples() {
    assertThat(JsonPaths.select("$.foo", scope(INPUT))).isEqualTo(json("123"));
    assertThat(JsonPaths.select("$.bar", scope(INPUT))).isEqualTo(json("[\"a\", \"b\", \"c\"]"));
    assertThat(JsonPaths.select("$.car.cdr", scope(INPUT))).isEqualTo(json("true"));
    assertThat(JsonPaths.select("$.bar[1]", scope(INPUT))).isEqualTo(json("\"b\""));
    assertThat(JsonPaths.select("$['car']['cdr']", scope(INPUT))).isEqualTo(json("true"));
  }

  @Test
  void dollarAloneIsTheWholeInput() {
    assertThat(JsonPaths.select("$", scope(INPUT))).isEqualTo(json(INPUT));
  }

  @Test
  void selectsJsonNullAsNull() {
    assertThat(JsonPaths.select("$.n", scope(INPUT)).isNull()).isTrue();
  }

  @Test
  void indefinitePathsSelectArrays() {
    assertThat(JsonPaths.select("$.items[*].id", scope(INPUT))).isEqualTo(json("[1, 2]"));
    assertThat(JsonPaths.select("$.items[?(@.ok == true)].id", scope(INPUT)))
        .isEqualTo(json("[1]"));
    assertThat(JsonPaths.select("$..id", scope(INPUT))).isEqualTo(json("[1, 2]"));
    assertThat(JsonPaths.select("$.bar[1:]", scope(INPUT))).isEqualTo(json("[\"b\", \"c\"]"));
  }

  @Test
  void anIndefinitePathThatMatchesNothingIsEmpty() {
    assertThat(JsonPaths.select("$.items[?(@.id == 9)]", scope(INPUT))).isEqualTo(json("[]"));
  }

  @Test
  void wildcardsAndSlicesOverMissingOrEmptyArraysSelectAnEmptyList() {
    String input = "{\"empty\": [], \"one\": [{\"id\": 1}], \"n\": null}";
    for (String path :
        new String[] {
          "$.missing[*]",
          "$.missing[*].id",
          "$.missing.deeper[*]",
          "$.missing[1:]",
          "$.missing[:1]",
          "$.missing[1:].id",
          "$.empty[*]",
          "$.empty[*].id",
          "$.empty[1:]",
          "$.empty[:1].id",
          "$.one[1:]",
          "$.one[1:].id",
          "$.n[1:]",
          "$.n[*]"
        }) {
      assertThat(JsonPaths.select(path, scope(input))).as(path).isEqualTo(json("[]"));
    }
    assertThat(JsonPaths.select("$.one[:1].id", scope(input))).isEqualTo(json("[1]"));
    assertThat(JsonPaths.select("$$.Missing[*]", scope(input))).isEqualTo(json("[]"));
    assertThat(JsonPaths.select("$customer.missing[*]", scope(input))).isEqualTo(json("[]"));
  }

  @Test
  void aDefinitePathThroughAMissingFieldStillFails() {
    QueryException failure =
        catchThrowableOfType(
            QueryException.class, () -> JsonPaths.select("$.missing[0].id", scope(INPUT)));
    assertThat(failure.error()).isEqualTo("States.Runtime");
    assertThat(failure.cause())
        .isEqualTo("Invalid path '$.missing[0].id' : Missing property in path $['missing']");
  }

  @Test
  void readsTheContextObject() {
    assertThat(JsonPaths.select("$$.Execution.Name", scope(INPUT))).isEqualTo(json("\"run-1\""));
    assertThat(JsonPaths.select("$$.Task.Token", scope(INPUT))).isEqualTo(json("\"token-1\""));
    assertThat(JsonPaths.select("$$.Map.Item.Index", scope(INPUT))).isEqualTo(json("2"));
    assertThat(JsonPaths.select("$$", scope(INPUT))).isEqualTo(QueryFixtures.CONTEXT);
  }

  @Test
  void readsVariables() {
    assertThat(JsonPaths.select("$counter", scope(INPUT))).isEqualTo(json("3"));
    assertThat(JsonPaths.select("$customer.name", scope(INPUT))).isEqualTo(json("\"María\""));
    assertThat(JsonPaths.select("$customer.tags[1]", scope(INPUT))).isEqualTo(json("\"b\""));
  }

  @Test
  void aMissingFieldFailsWithStatesRuntime() {
    QueryException failure =
        catchThrowableOfType(QueryException.class, () -> JsonPaths.select("$.nope", scope(INPUT)));
    assertThat(failure.error()).isEqualTo("States.Runtime");
    assertThat(failure.cause()).isEqualTo("Invalid path '$.nope' : No results for path: $['nope']");
  }

  @Test
  void anIndexPastTheEndOfAnArrayFailsAsAMissingFieldDoes() {
    QueryException failure =
        catchThrowableOfType(
            QueryException.class, () -> JsonPaths.select("$.bar[5]", scope(INPUT)));
    assertThat(failure.error()).isEqualTo("States.Runtime");
    assertThat(failure.cause())
        .isEqualTo("Invalid path '$.bar[5]' : No results for path: $['bar'][5]");
    assertThat(JsonPaths.find("$.bar[5]", scope(INPUT))).isEmpty();
  }

  @Test
  void theTaskOfAContextObjectWithoutOneIsNull() {
    JsonNode noTask = ((ObjectNode) QueryFixtures.CONTEXT.deepCopy()).without("Task");
    QueryScope outsideATask = QueryScope.of(json(INPUT), noTask, Map.of());
    assertThat(JsonPaths.select("$$.Task", outsideATask).isNull()).isTrue();
    assertThat(JsonPaths.select("$$.Task.Token", outsideATask).isNull()).isTrue();
    assertThat(
            catchThrowableOfType(
                QueryException.class, () -> JsonPaths.select("$$.Nope", outsideATask)))
        .isNotNull();
  }

  @Test
  void anUndefinedVariableFailsWithStatesRuntime() {
    QueryException failure =
        catchThrowableOfType(
            QueryException.class, () -> JsonPaths.select("$ghost.a", scope(INPUT)));
    assertThat(failure.error()).isEqualTo("States.Runtime");
    assertThat(failure.cause())
        .isEqualTo("Invalid path '$ghost.a' : The variable '$ghost' is not defined");
  }

  @Test
  void findAnswersEmptyInsteadOfFailing() {
    assertThat(JsonPaths.find("$.nope", scope(INPUT))).isEmpty();
    assertThat(JsonPaths.find("$ghost", scope(INPUT))).isEmpty();
    assertThat(JsonPaths.find("$.foo", scope(INPUT))).contains(json("123"));
  }

  @Test
  void validatesPaths() {
    assertThat(JsonPaths.validatePath("$.a[*].b")).isEmpty();
    assertThat(JsonPaths.validatePath("$$.Execution.Id")).isEmpty();
    assertThat(JsonPaths.validatePath("$var.x")).isEmpty();
    assertThat(JsonPaths.validatePath("a.b"))
        .contains("The value 'a.b' is not a valid JSONPath: it must start with '$'");
    assertThat(JsonPaths.validatePath("$.a."))
        .contains("The value '$.a.' is not a valid JSONPath: Path must not end with a '.' or '..'");
  }

  @Test
  void referencePathsNameOneNodeOnly() {
    assertThat(JsonPaths.validateReferencePath("$.a.b[0]['c d']")).isEmpty();
    assertThat(JsonPaths.validateReferencePath("$.a[*]"))
        .contains(
            "The value '$.a[*]' is not a valid ReferencePath: '[*]' does not name a single node");
    assertThat(JsonPaths.validateReferencePath("$..a"))
        .contains(
            "The value '$..a' is not a valid ReferencePath: deep scan '..' names more than one"
                + " node");
    assertThat(JsonPaths.validateReferencePath("$.a[?(@.x)]")).isPresent();
    assertThat(JsonPaths.validateReferencePath("$.a[0:2]")).isPresent();
    assertThat(JsonPaths.validateReferencePath("$$.Map.Item.Value.id")).isEmpty();
    assertThat(JsonPaths.validateReferencePath("$customer.tags[0]")).isEmpty();
  }
}
