package io.computecase.local.sfn.query;

import static io.computecase.local.sfn.query.QueryFixtures.json;
import static io.computecase.local.sfn.query.QueryFixtures.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The JSONata query language: $states, variables, templates, numbers, undefined and errors. */
class JsonataTest {

  @Test
  void recognisesExpressions() {
    assertThat(Jsonata.isExpression(json("\"{% $states.input %}\""))).isTrue();
    assertThat(Jsonata.isExpression(json("\"$states.input\""))).isFalse();
    assertThat(Jsonata.isExpression(json("{\"a\": 1}"))).isFalse();
    assertThat(Jsonata.isExpression(" {% 1 %}")).isFalse();
    assertThat(Jsonata.isExpression("{% 1 %} ")).isFalse();
  }

  @Test
  void convertsTheAwsGuideExample() {
    String template =
        """
        {"static": "Hello", "title": "{% $states.input.title %}", "name": "{% $customerName %}",
         "not-evaluated": "$customerName"}
        """;
    QueryScope scope =
        QueryScope.of(
            json("{\"title\": \"Doctor\"}"),
            QueryFixtures.CONTEXT,
            Map.of("customerName", json("\"María\"")));
    assertThat(Jsonata.evaluateTemplate(json(template), scope))
        .isEqualTo(
            json(
                "{\"static\": \"Hello\", \"title\": \"Doctor\", \"name\": \"María\","
                    + " \"not-evaluated\": \"$customerName\"}"));
  }

  @Test
  void bindsStatesContextResultAndErrorOutput() {
    QueryScope scope =
        scope("{\"a\": 1}")
            .withResult(json("{\"r\": 2}"))
            .withErrorOutput(json("{\"Error\": \"E\"}"));
    assertThat(
            Jsonata.evaluate(
                "{% [$states.input.a, $states.result.r, $states.errorOutput.Error,"
                    + " $states.context.Execution.Name, $states.context.Map.Item.Index] %}",
                scope))
        .isEqualTo(json("[1, 2, \"E\", \"run-1\", 2]"));
  }

  @Test
  void readsVariables() {
    assertThat(Jsonata.evaluate("{% $counter + 1 %}", scope("{}"))).isEqualTo(json("4"));
    assertThat(Jsonata.evaluate("{% $customer.tags[1] %}", scope("{}"))).isEqualTo(json("\"b\""));
  }

  @Test
  void integralNumbersStayIntegers() {
    assertThat(Jsonata.evaluate("{% 6 / 2 %}", scope("{}")).isIntegralNumber()).isTrue();
    assertThat(Jsonata.evaluate("{% $sum([1.5, 2.5]) %}", scope("{}"))).isEqualTo(json("4"));
    assertThat(Jsonata.evaluate("{% 7 / 2 %}", scope("{}"))).isEqualTo(json("3.5"));
  }

  @Test
  void nullIsAValueAndStaysNull() {
    assertThat(Jsonata.evaluate("{% null %}", scope("{}")).isNull()).isTrue();
    assertThat(Jsonata.evaluate("{% $states.input.n %}", scope("{\"n\": null}")).isNull()).isTrue();
    assertThat(Jsonata.evaluate("{% $states.input.n = null %}", scope("{\"n\": null}")))
        .isEqualTo(json("true"));
  }

  @Test
  void undefinedFailsNamingTheExpressionAndTheField() {
    QueryException failure =
        catchThrowableOfType(
            QueryException.class,
            () ->
                Jsonata.evaluateTemplate(
                    json("{\"v\": \"{% $states.input.missing %}\"}"), scope("{}"), "Output"));
    assertThat(failure.error()).isEqualTo("States.QueryEvaluationError");
    assertThat(failure.cause())
        .isEqualTo(
            "The JSONata expression '$states.input.missing' specified for the field 'Output/v'"
                + " returned nothing (undefined).");
  }

  @Test
  void undefinedDeepInsideATemplateNamesThePath() {
    QueryException failure =
        catchThrowableOfType(
            QueryException.class,
            () ->
                Jsonata.evaluateTemplate(
                    json("{\"a\": {\"b\": [1, \"{% $nothing %}\"]}}"), scope("{}"), "Arguments"));
    assertThat(failure.cause())
        .isEqualTo(
            "The JSONata expression '$nothing' specified for the field 'Arguments/a/b[1]' returned"
                + " nothing (undefined).");
  }

  @Test
  void aWholeFieldThatIsUndefinedNamesTheField() {
    QueryException failure =
        catchThrowableOfType(
            QueryException.class,
            () ->
                Jsonata.evaluateTemplate(
                    json("\"{% $states.input.missing %}\""), scope("{}"), "Output"));
    assertThat(failure.cause())
        .isEqualTo(
            "The JSONata expression '$states.input.missing' specified for the field 'Output'"
                + " returned nothing (undefined).");
  }

  @Test
  void anEvaluationErrorCarriesTheJsonataCode() {
    QueryException failure =
        catchThrowableOfType(
            QueryException.class,
            () -> Jsonata.evaluate("{% $abs(\"x\") %}", scope("{}"), "Output/v"));
    assertThat(failure.error()).isEqualTo("States.QueryEvaluationError");
    assertThat(failure.cause())
        .startsWith(
            "The JSONata expression '$abs(\"x\")' specified for the field 'Output/v' threw an error"
                + " during evaluation. T0410: ");
  }

  @Test
  void aSyntaxErrorIsReportedByValidateAndAtRuntime() {
    assertThat(Jsonata.validate("{% 1 + %}"))
        .contains(
            "The JSONata expression '1 +' could not be parsed. S0207: Unexpected end of"
                + " expression");
    assertThat(Jsonata.validate("{% $states.input.a %}")).isEmpty();
    assertThat(Jsonata.validate("$states.input"))
        .contains("The value '$states.input' is not a JSONata expression: write it as {% ... %}");
    QueryException failure =
        catchThrowableOfType(
            QueryException.class, () -> Jsonata.evaluate("{% 1 + %}", scope("{}")));
    assertThat(failure.error()).isEqualTo("States.QueryEvaluationError");
  }

  @Test
  void nonExpressionsInTemplatesAreKeptLiterally() {
    assertThat(
            Jsonata.evaluateTemplate(
                json("[1, true, null, \"plain\", {\"k\": \"{% 1 + 1 %}\"}]"), scope("{}")))
        .isEqualTo(json("[1, true, null, \"plain\", {\"k\": 2}]"));
  }

  @Test
  void bindingsDoNotLeakFromOneEvaluationToTheNext() {
    QueryScope withX =
        QueryScope.of(json("{}"), QueryFixtures.CONTEXT, Map.of("x", json("1"), "y", json("2")));
    QueryScope onlyX = QueryScope.of(json("{}"), QueryFixtures.CONTEXT, Map.of("x", json("10")));
    assertThat(Jsonata.evaluate("{% $x + $y %}", withX)).isEqualTo(json("3"));
    QueryException failure =
        catchThrowableOfType(QueryException.class, () -> Jsonata.evaluate("{% $x + $y %}", onlyX));
    assertThat(failure.cause()).endsWith("returned nothing (undefined).");
  }

  @Test
  void evaluatesSafelyFromManyThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<JsonNode>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int n = i;
        results.add(
            pool.submit(
                () ->
                    Jsonata.evaluate(
                        "{% $map($states.input.list, function($v) { $v * $k }) %}",
                        QueryScope.of(
                            json("{\"list\": [1, 2, 3]}"),
                            QueryFixtures.CONTEXT,
                            Map.of("k", json(String.valueOf(n)))))));
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get())
            .isEqualTo(json("[" + i + ", " + 2 * i + ", " + 3 * i + "]"));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void providesTheStepFunctionsFunctions() {
    assertThat(Jsonata.evaluate("{% $partition([1, 2, 3, 4, 5], 2) %}", scope("{}")))
        .isEqualTo(json("[[1, 2], [3, 4], [5]]"));
    assertThat(Jsonata.evaluate("{% $range(0, 10, 5) %}", scope("{}")))
        .isEqualTo(json("[0, 5, 10]"));
    assertThat(Jsonata.evaluate("{% $hash('input data', 'MD5') %}", scope("{}")))
        .isEqualTo(json("\"812f45842bc6d66ee14572ce20db8e86\""));
    assertThat(Jsonata.evaluate("{% $parse('{\"a\": [1]}') %}", scope("{}")))
        .isEqualTo(json("{\"a\": [1]}"));
    assertThat(Jsonata.evaluate("{% $uuid() %}", scope("{}")).textValue()).hasSize(36);
    assertThat(Jsonata.evaluate("{% $random(7) %}", scope("{}")))
        .isEqualTo(Jsonata.evaluate("{% $random(7) %}", scope("{}")));
    double random = Jsonata.evaluate("{% $random() %}", scope("{}")).doubleValue();
    assertThat(random).isGreaterThanOrEqualTo(0).isLessThan(1);
  }

  @Test
  void endlessRecursionFailsInsteadOfHangingTheEngine() {
    QueryException failure =
        catchThrowableOfType(
            QueryException.class,
            () ->
                Jsonata.evaluate(
                    "{% ($f := function($n) { $f($n + 1) }; $f(0)) %}", scope("{}"), "Output"));
    assertThat(failure.error()).isEqualTo("States.QueryEvaluationError");
    assertThat(failure.cause())
        .isEqualTo(
            "The JSONata expression '($f := function($n) { $f($n + 1) }; $f(0))' specified for the"
                + " field 'Output' threw an error during evaluation: Expression evaluation timeout:"
                + " Check for infinite loop");
  }

  @Test
  void evalIsNotAvailable() {
    QueryException failure =
        catchThrowableOfType(
            QueryException.class,
            () -> Jsonata.evaluate("{% $eval('1') %}", scope("{}"), "Output/r"));
    assertThat(failure.cause())
        .isEqualTo(
            "The JSONata expression '$eval('1')' specified for the field 'Output/r' threw an error"
                + " during evaluation. T1006: Attempted to invoke a non-function");
  }

  @Test
  void aFailureInsideAStepFunctionsFunctionIsWordedWithoutACode() {
    QueryException failure =
        catchThrowableOfType(
            QueryException.class,
            () -> Jsonata.evaluate("{% $partition([1], 0) %}", scope("{}"), "Output"));
    assertThat(failure.error()).isEqualTo("States.QueryEvaluationError");
    assertThat(failure.cause())
        .startsWith(
            "The JSONata expression '$partition([1], 0)' specified for the field 'Output' threw an"
                + " error during evaluation: ");
  }
}
