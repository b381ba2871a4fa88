package io.computecase.local.sfn.query;

import static io.computecase.local.sfn.query.QueryFixtures.json;
import static io.computecase.local.sfn.query.QueryFixtures.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Choice rules: every JSONPath comparison operator (golden file query/choice-rules.json), the
 * diagnostics for malformed rules, and JSONata Conditions.
 */
class ChoiceRulesTest {

  static Stream<Arguments> goldenRules() {
    JsonNode cases = QueryFixtures.resource("choice-rules.json");
    return StreamSupport.stream(cases.spliterator(), false)
        .map(c -> Arguments.of(c.get("name").textValue(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenRules")
  void jsonPathRule(String name, JsonNode golden) {
    ChoiceRule rule = ChoiceRules.parse(golden.get("rule"), QueryLanguage.JSONPATH);
    QueryScope scope = scope(golden.get("input"));
    if (golden.has("matches")) {
      assertThat(rule.matches(scope)).isEqualTo(golden.get("matches").booleanValue());
      return;
    }
    QueryException failure = catchThrowableOfType(QueryException.class, () -> rule.matches(scope));
    assertThat(failure).as("expected a failure").isNotNull();
    assertThat(failure.error()).isEqualTo(golden.get("error").textValue());
    assertThat(failure.cause()).isEqualTo(golden.get("cause").textValue());
  }

  @Test
  void ruleWithoutOperatorIsRejected() {
    assertThat(diagnostic("{\"Variable\": \"$.a\", \"Next\": \"X\"}", 0))
        .isEqualTo(
            "SCHEMA_VALIDATION_FAILED: A choice rule must have exactly one comparison operator or"
                + " And, Or, Not at /Choices/0");
  }

  @Test
  void ruleWithTwoOperatorsIsRejected() {
    assertThat(diagnostic("{\"Variable\": \"$.a\", \"StringEquals\": \"x\", \"IsNull\": true}", 1))
        .isEqualTo(
            "SCHEMA_VALIDATION_FAILED: A choice rule must have exactly one comparison operator or"
                + " And, Or, Not, but has [StringEquals, IsNull] at /Choices/1");
  }

  @Test
  void unknownOperatorIsRejected() {
    assertThat(diagnostic("{\"Variable\": \"$.a\", \"StringContains\": \"x\"}", 0))
        .isEqualTo(
            "SCHEMA_VALIDATION_FAILED: The field 'StringContains' is not a supported comparison"
                + " operator at /Choices/0/StringContains");
    assertThat(diagnostic("{\"Variable\": \"$.a\", \"StringMatchesPath\": \"$.b\"}", 0))
        .isEqualTo(
            "SCHEMA_VALIDATION_FAILED: The field 'StringMatchesPath' is not a supported comparison"
                + " operator at /Choices/0/StringMatchesPath");
  }

  @Test
  void operandOfTheWrongTypeIsRejected() {
    assertThat(diagnostic("{\"Variable\": \"$.a\", \"NumericEquals\": \"5\"}", 0))
        .isEqualTo(
            "SCHEMA_VALIDATION_FAILED: The value for the field 'NumericEquals' must be a NUMBER at"
                + " /Choices/0/NumericEquals");
    assertThat(diagnostic("{\"Variable\": \"$.a\", \"IsNull\": \"yes\"}", 0))
        .isEqualTo(
            "SCHEMA_VALIDATION_FAILED: The value for the field 'IsNull' must be a BOOLEAN at"
                + " /Choices/0/IsNull");
    assertThat(diagnostic("{\"Variable\": \"$.a\", \"TimestampEquals\": \"2016-03-14\"}", 0))
        .isEqualTo(
            "SCHEMA_VALIDATION_FAILED: The value for the field 'TimestampEquals' must be a"
                + " timestamp in RFC 3339 format, such as 2016-03-14T01:59:00Z at"
                + " /Choices/0/TimestampEquals");
  }

  @Test
  void missingOrInvalidVariableIsRejected() {
    assertThat(diagnostic("{\"StringEquals\": \"x\"}", 0))
        .isEqualTo(
            "SCHEMA_VALIDATION_FAILED: The field 'Variable' is required with StringEquals at"
                + " /Choices/0");
    assertThat(diagnostic("{\"Variable\": \"$.a[*]\", \"StringEquals\": \"x\"}", 0))
        .isEqualTo(
            "SCHEMA_VALIDATION_FAILED: The value for the field 'Variable' must be a valid"
                + " ReferencePath: The value '$.a[*]' is not a valid ReferencePath: '[*]' does not"
                + " name a single node at /Choices/0/Variable");
  }

  @Test
  void pathOperandMustBeAReferencePath() {
    assertThat(diagnostic("{\"Variable\": \"$.a\", \"NumericEqualsPath\": \"$.b[*]\"}", 0))
        .isEqualTo(
            "SCHEMA_VALIDATION_FAILED: The value for the field 'NumericEqualsPath' must be a valid"
                + " ReferencePath: The value '$.b[*]' is not a valid ReferencePath: '[*]' does not"
                + " name a single node at /Choices/0/NumericEqualsPath");
    assertThat(diagnostic("{\"Variable\": \"$.a\", \"NumericEqualsPath\": 5}", 0))
        .isEqualTo(
            "SCHEMA_VALIDATION_FAILED: The value for the field 'NumericEqualsPath' must be a STRING"
                + " at /Choices/0/NumericEqualsPath");
  }

  @Test
  void malformedNestedRulesNameTheirLocation() {
    assertThat(diagnostic("{\"And\": [], \"Next\": \"X\"}", 0))
        .isEqualTo(
            "SCHEMA_VALIDATION_FAILED: The value for the field 'And' must be a non-empty array of"
                + " choice rules at /Choices/0/And");
    assertThat(
            diagnostic(
                "{\"Or\": [{\"Variable\": \"$.a\", \"IsNull\": true, \"Next\": \"X\"}], \"Next\":"
                    + " \"X\"}",
                2))
        .isEqualTo(
            "SCHEMA_VALIDATION_FAILED: The field 'Next' is only allowed in a top-level choice rule"
                + " at /Choices/2/Or/0/Next");
    assertThat(diagnostic("{\"Not\": {\"Variable\": \"$.a\"}, \"Next\": \"X\"}", 0))
        .isEqualTo(
            "SCHEMA_VALIDATION_FAILED: A choice rule must have exactly one comparison operator or"
                + " And, Or, Not at /Choices/0/Not");
  }

  @Test
  void jsonataConditionSelectsByBoolean() {
    ChoiceRule rule =
        ChoiceRules.parse(
            json("{\"Condition\": \"{% $states.input.n > $counter %}\", \"Next\": \"Big\"}"),
            QueryLanguage.JSONATA,
            0);
    assertThat(rule.matches(scope("{\"n\": 5}"))).isTrue();
    assertThat(rule.matches(scope("{\"n\": 1}"))).isFalse();
  }

  @Test
  void jsonataConditionMustBeBoolean() {
    ChoiceRule rule =
        ChoiceRules.parse(
            json("{\"Condition\": \"{% $states.input.n %}\", \"Next\": \"X\"}"),
            QueryLanguage.JSONATA,
            1);
    QueryException failure =
        catchThrowableOfType(QueryException.class, () -> rule.matches(scope("{\"n\": 5}")));
    assertThat(failure.error()).isEqualTo("States.QueryEvaluationError");
    assertThat(failure.cause())
        .isEqualTo(
            "The JSONata expression '$states.input.n' specified for the field"
                + " 'Choices[1]/Condition' returned an unexpected data type. Expected a boolean but"
                + " got 5.");
  }

  @Test
  void jsonataConditionThatIsUndefinedFails() {
    ChoiceRule rule =
        ChoiceRules.parse(
            json("{\"Condition\": \"{% $states.input.none %}\"}"), QueryLanguage.JSONATA, 0);
    QueryException failure =
        catchThrowableOfType(QueryException.class, () -> rule.matches(scope("{}")));
    assertThat(failure.error()).isEqualTo("States.QueryEvaluationError");
    assertThat(failure.cause())
        .isEqualTo(
            "The JSONata expression '$states.input.none' specified for the field"
                + " 'Choices[0]/Condition' returned nothing (undefined).");
  }

  @Test
  void jsonataRulesNeedAConditionExpression() {
    assertThat(jsonataDiagnostic("{\"Next\": \"X\"}"))
        .isEqualTo(
            "SCHEMA_VALIDATION_FAILED: The field 'Condition' is required in a JSONata choice rule"
                + " at /Choices/0");
    assertThat(jsonataDiagnostic("{\"Condition\": 1, \"Next\": \"X\"}"))
        .isEqualTo(
            "SCHEMA_VALIDATION_FAILED: The value for the field 'Condition' must be a boolean or a"
                + " JSONata expression written as {% ... %} at /Choices/0/Condition");
    assertThat(jsonataDiagnostic("{\"Condition\": \"true\", \"Next\": \"X\"}"))
        .isEqualTo(
            "SCHEMA_VALIDATION_FAILED: The value for the field 'Condition' must be a boolean or a"
                + " JSONata expression written as {% ... %} at /Choices/0/Condition");
    assertThat(jsonataDiagnostic("{\"Condition\": \"{% 1 = %}\", \"Next\": \"X\"}"))
        .isEqualTo(
            "SCHEMA_VALIDATION_FAILED: The JSONata expression '1 =' could not be parsed. S0207:"
                + " Unexpected end of expression at /Choices/0/Condition");
    assertThat(
            jsonataDiagnostic(
                "{\"Condition\": \"{% true %}\", \"Variable\": \"$.a\", \"Next\": \"X\"}"))
        .isEqualTo(
            "SCHEMA_VALIDATION_FAILED: The field 'Variable' is not supported in a JSONata choice"
                + " rule; use 'Condition' at /Choices/0/Variable");
  }

  @Test
  void aJsonataConditionWrittenAsABooleanIsAConstantGuess() {
    // Issue #18: AWS takes a constant Condition; a JSON boolean is read as {% true %} or
    // {% false %} would be (the Guide documents only the expression).
    assertThat(
            ChoiceRules.parse(
                    json("{\"Condition\": true, \"Next\": \"X\"}"), QueryLanguage.JSONATA, 0)
                .matches(scope("{}")))
        .isTrue();
    assertThat(
            ChoiceRules.parse(
                    json("{\"Condition\": false, \"Next\": \"X\"}"), QueryLanguage.JSONATA, 0)
                .matches(scope("{}")))
        .isFalse();
  }

  private static String diagnostic(String rule, int index) {
    IllegalArgumentException failure =
        catchThrowableOfType(
            IllegalArgumentException.class,
            () -> ChoiceRules.parse(json(rule), QueryLanguage.JSONPATH, index));
    assertThat(failure).as("expected a diagnostic for " + rule).isNotNull();
    return failure.getMessage();
  }

  private static String jsonataDiagnostic(String rule) {
    IllegalArgumentException failure =
        catchThrowableOfType(
            IllegalArgumentException.class,
            () -> ChoiceRules.parse(json(rule), QueryLanguage.JSONATA, 0));
    assertThat(failure).as("expected a diagnostic for " + rule).isNotNull();
    return failure.getMessage();
  }
}
