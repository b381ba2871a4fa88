package io.computecase.local.sfn.query;

import static io.computecase.local.sfn.query.QueryFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Paths down $states are read without the JSONata engine; whatever the JSON, the value (or the
 * error) must be the engine's own. Each path is checked against the same path in parentheses, which
 * the engine evaluates.
 */
class StatesPathTest {
  private static final String INPUT =
      """
      {"request": {"requestId": "r-1", "target": "default", "maxConcurrency": 0,
                   "parameters": {"computeMs": 5000, "ratio": 1.5, "whole": 5.0, "big": 12345678901234,
                                  "huge": 123456789012345678901234567890, "tiny": 1e-7, "large": 1e300,
                                  "neg": -0.0, "flag": true, "none": null, "list": [1, {"x": [2.0]}]}},
       "single": [7], "empty": [], "pair": [1, 2], "nested": [[1]],
       "rows": [{"v": 1}, {"v": 2}], "row": [{"v": 3}],
       "text": "abc", "number": 4, "nothing": null, "true": 1, "and": 2,
       "deep": {"a": {"b": {"c": {"d": "down"}}}}}
      """;

  private static final QueryScope SCOPE =
      QueryScope.of(json(INPUT), QueryFixtures.CONTEXT, Map.of())
          .withResult(json("{\"durationMs\": 12, \"caseId\": \"0\"}"))
          .withErrorOutput(json("{\"Error\": \"E\", \"Cause\": \"because\"}"));

  private static final List<String> PATHS =
      List.of(
          "$states.input",
          "$states.input.request",
          "$states.input.request.requestId",
          "$states.input.request.maxConcurrency",
          "$states.input.request.parameters",
          "$states.input.request.parameters.computeMs",
          "$states.input.request.parameters.ratio",
          "$states.input.request.parameters.whole",
          "$states.input.request.parameters.big",
          "$states.input.request.parameters.huge",
          "$states.input.request.parameters.tiny",
          "$states.input.request.parameters.large",
          "$states.input.request.parameters.neg",
          "$states.input.request.parameters.flag",
          "$states.input.request.parameters.none",
          "$states.input.request.parameters.list",
          "$states.input.single",
          "$states.input.empty",
          "$states.input.pair",
          "$states.input.nested",
          "$states.input.rows.v",
          "$states.input.row.v",
          "$states.input.text",
          "$states.input.text.length",
          "$states.input.number.value",
          "$states.input.nothing",
          "$states.input.nothing.below",
          "$states.input.missing",
          "$states.input.missing.below",
          "$states.input.true",
          "$states.input.and",
          "$states.input.deep.a.b.c.d",
          "$states.context.Execution.Name",
          "$states.context.Map.Item.Index",
          "$states.context.Map.Item.Value",
          "$states.context",
          "$states.result.durationMs",
          "$states.result",
          "$states.errorOutput.Error",
          "$states.errorOutput.Cause");

  @Test
  void everyPathReadsAsTheEngineEvaluatesIt() {
    for (String path : PATHS) {
      Outcome direct = outcome("{% " + path + " %}");
      Outcome engine = outcome("{% (" + path + ") %}");
      assertThat(direct).as(path).isEqualTo(engine);
    }
  }

  @Test
  void onlyPlainPathsDownStatesAreReadDirectly() {
    assertThat(StatesPath.of("$states.input.request.busName")).isNotNull();
    assertThat(StatesPath.of("$states.context.Map.Item.Value")).isNotNull();
    assertThat(StatesPath.of("$states.result.durationMs")).isNotNull();
    assertThat(StatesPath.of("$states.input")).isNotNull();

    assertThat(StatesPath.of("$states")).isNull();
    assertThat(StatesPath.of("$states.other.a")).isNull();
    assertThat(StatesPath.of("$states.input.a[0]")).isNull();
    assertThat(StatesPath.of("$states.input.`a b`")).isNull();
    assertThat(StatesPath.of("$states.input.true")).isNull();
    assertThat(StatesPath.of("$states.input.a + 1")).isNull();
    assertThat(StatesPath.of("$states.input.a.$string()")).isNull();
    assertThat(StatesPath.of("$x.input.a")).isNull();
    assertThat(StatesPath.of(" $states.input.a")).isNull();
  }

  @Test
  void objectsAndScalarsAreReadDirectlyAndTheRestIsLeftToTheEngine() {
    assertThat(StatesPath.of("$states.input.request").read(SCOPE)).isNotNull();
    assertThat(StatesPath.of("$states.input.request.parameters.whole").read(SCOPE))
        .isEqualTo(json("5"));
    assertThat(StatesPath.of("$states.context.Map.Item.Index").read(SCOPE)).isNotNull();
    assertThat(StatesPath.of("$states.result.durationMs").read(SCOPE)).isEqualTo(json("12"));

    assertThat(StatesPath.of("$states.input.single").read(SCOPE)).isNull();
    assertThat(StatesPath.of("$states.input.rows.v").read(SCOPE)).isNull();
    assertThat(StatesPath.of("$states.input.missing").read(SCOPE)).isNull();
    assertThat(StatesPath.of("$states.input.text.length").read(SCOPE)).isNull();
    assertThat(
            StatesPath.of("$states.result.durationMs")
                .read(QueryScope.of(json("{}"), null, Map.of())))
        .isNull();
  }

  @Test
  void aValueReadDirectlyIsACopyNotTheInputItself() {
    JsonNode input = json("{\"request\": {\"a\": {\"b\": 1}}}");
    JsonNode read =
        Jsonata.evaluate(
            "{% $states.input.request %}", QueryScope.of(input, QueryFixtures.CONTEXT, Map.of()));

    assertThat(read).isEqualTo(input.get("request")).isNotSameAs(input.get("request"));
    assertThat(read.get("a")).isNotSameAs(input.get("request").get("a"));
  }

  /** A value, or the error's type and cause with the expression's own text taken out. */
  private record Outcome(JsonNode value, String error, String cause) {}

  private static Outcome outcome(String expression) {
    try {
      return new Outcome(Jsonata.evaluate(expression, SCOPE, "Field"), null, null);
    } catch (QueryException e) {
      String body = Jsonata.body(expression);
      String cause = e.getMessage().replace("'" + body + "'", "'<expression>'");
      return new Outcome(null, e.error(), cause);
    }
  }
}
