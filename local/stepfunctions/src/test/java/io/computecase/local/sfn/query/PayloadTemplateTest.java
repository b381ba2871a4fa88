package io.computecase.local.sfn.query;

import static io.computecase.local.sfn.query.QueryFixtures.json;
import static io.computecase.local.sfn.query.QueryFixtures.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Payload templates (Parameters, ItemSelector, ResultSelector, Assign) in JSONPath states. */
class PayloadTemplateTest {

  @Test
  void buildsTheSpecExample() {
    String template =
        """
        {"flagged": true, "parts": {"first.$": "$.vals[0]", "last3.$": "$.vals[3:]"}}
        """;
    assertThat(
            PayloadTemplate.evaluate(
                json(template), scope("{\"flagged\": 7, \"vals\": [0, 10, 20, 30, 40, 50]}")))
        .isEqualTo(json("{\"flagged\": true, \"parts\": {\"first\": 0, \"last3\": [30, 40, 50]}}"));
  }

  @Test
  void readsContextVariablesAndIntrinsics() {
    String template =
        """
        {"token.$": "$$.Task.Token", "name.$": "$customer.name", "not-evaluated": "$customer",
         "id.$": "States.Format('{}-{}', $$.Execution.Name, $.n)", "static": [1, "$.n"]}
        """;
    assertThat(PayloadTemplate.evaluate(json(template), scope("{\"n\": 5}")))
        .isEqualTo(
            json(
                "{\"token\": \"token-1\", \"name\": \"María\", \"not-evaluated\": \"$customer\","
                    + " \"id\": \"run-1-5\", \"static\": [1, \"$.n\"]}"));
  }

  @Test
  void processesObjectsInsideArrays() {
    assertThat(
            PayloadTemplate.evaluate(json("{\"list\": [{\"v.$\": \"$.n\"}]}"), scope("{\"n\": 5}")))
        .isEqualTo(json("{\"list\": [{\"v\": 5}]}"));
  }

  @Test
  void aPathThatSelectsNothingFailsWithAwsCause() {
    QueryException failure =
        catchThrowableOfType(
            QueryException.class,
            () -> PayloadTemplate.evaluate(json("{\"x.$\": \"$.missing\"}"), scope("{\"a\": 1}")));
    assertThat(failure.error()).isEqualTo("States.Runtime");
    assertThat(failure.cause())
        .isEqualTo(
            "The JSONPath '$.missing' specified for the field 'x.$' could not be found in the input"
                + " '{\"a\":1}'");
  }

  @Test
  void intrinsicFailuresKeepTheirErrorName() {
    QueryException failure =
        catchThrowableOfType(
            QueryException.class,
            () ->
                PayloadTemplate.evaluate(
                    json("{\"x.$\": \"States.ArrayLength($.a)\"}"), scope("{\"a\": 1}")));
    assertThat(failure.error()).isEqualTo("States.IntrinsicFailure");
  }

  @Test
  void validationNamesEachBadField() {
    String template =
        """
        {"ok.$": "$.a", "num.$": 5, "nested": {"bad.$": "a.b"}, "fn.$": "States.Nope()"}
        """;
    assertThat(PayloadTemplate.validate(json(template)))
        .containsExactly(
            "The value for the field 'num.$' must be a STRING that contains a JSONPath or an"
                + " intrinsic function, at /num.$",
            "The value for the field 'bad.$' must be a valid JSONPath or a valid intrinsic function"
                + " call: The value 'a.b' is not a valid JSONPath: it must start with '$', at"
                + " /nested/bad.$",
            "The value for the field 'fn.$' must be a valid intrinsic function call: The intrinsic"
                + " function 'States.Nope' is not supported; use one of States.Array,"
                + " States.ArrayContains, States.ArrayGetItem, States.ArrayLength,"
                + " States.ArrayPartition, States.ArrayRange, States.ArrayUnique,"
                + " States.Base64Decode, States.Base64Encode, States.Format, States.Hash,"
                + " States.JsonMerge, States.JsonToString, States.MathAdd, States.MathRandom,"
                + " States.StringSplit, States.StringToJson, States.UUID, at /fn.$");
  }

  @Test
  void aValidTemplateHasNoProblems() {
    assertThat(
            PayloadTemplate.validate(
                json("{\"a.$\": \"$.x\", \"b\": {\"c.$\": \"States.UUID()\"}}")))
        .isEmpty();
  }
}
