package io.computecase.local.sfn.query;

import static io.computecase.local.sfn.query.QueryFixtures.json;
import static io.computecase.local.sfn.query.QueryFixtures.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The intrinsic call syntax, its validation diagnostics, and the non-deterministic intrinsics. */
class IntrinsicSyntaxTest {

  @Test
  void recognisesInvocationsButNotPaths() {
    assertThat(Intrinsics.isIntrinsic("States.UUID()")).isTrue();
    assertThat(Intrinsics.isIntrinsic("$.States")).isFalse();
    assertThat(Intrinsics.isIntrinsic("States.Format")).isFalse();
  }

  @Test
  void acceptsSpacesAroundArgumentsAndNumbersOfEveryForm() {
    assertThat(Intrinsics.evaluate("States.Array( 1 , -2 ,3.25, 1e2 , 'a,b)' )", scope("{}")))
        .isEqualTo(json("[1, -2, 3.25, 100.0, \"a,b)\"]"));
  }

  @Test
  void rejectsAnUnknownFunctionNamingTheSupportedOnes() {
    assertThat(Intrinsics.validate("States.Foo(1)"))
        .hasValueSatisfying(
            message ->
                assertThat(message)
                    .startsWith("The intrinsic function 'States.Foo' is not supported; use one of ")
                    .contains("States.ArrayPartition"));
  }

  @Test
  void rejectsAnOpenEscape() {
    assertThat(Intrinsics.validate("States.Format('a\\nb')"))
        .contains(
            "Invalid escape sequence '\\n"
                + "' at position 16 in 'States.Format('a\\n"
                + "b')'; only \\', \\{, \\} and \\\\ are allowed");
  }

  @Test
  void rejectsAnUnclosedStringAndMissingParenthesis() {
    assertThat(Intrinsics.validate("States.Format('abc"))
        .contains(
            "The intrinsic function 'States.Format('abc' is invalid at position 18: the string"
                + " literal is not closed with '");
    assertThat(Intrinsics.validate("States.Array(1, 2"))
        .contains(
            "The intrinsic function 'States.Array(1, 2' is invalid at position 17: expected ',' or"
                + " ')'");
  }

  @Test
  void rejectsTextAfterTheCall() {
    assertThat(Intrinsics.validate("States.Array(1) x"))
        .contains(
            "The intrinsic function 'States.Array(1) x' is invalid at position 16: unexpected text"
                + " after the closing parenthesis");
  }

  @Test
  void rejectsAnInvalidPathArgument() {
    assertThat(Intrinsics.validate("States.Array($.a[)")).isPresent();
  }

  @Test
  void evaluatingAMalformedInvocationFailsWithIntrinsicFailure() {
    QueryException failure =
        catchThrowableOfType(
            QueryException.class, () -> Intrinsics.evaluate("States.Nope()", scope("{}")));
    assertThat(failure.error()).isEqualTo("States.IntrinsicFailure");
    assertThat(failure.cause()).startsWith("The intrinsic function 'States.Nope' is not supported");
  }

  @Test
  void uuidIsAVersion4UuidAndDiffersEachCall() {
    JsonNode first = Intrinsics.evaluate("States.UUID()", scope("{}"));
    JsonNode second = Intrinsics.evaluate("States.UUID()", scope("{}"));
    assertThat(first.textValue())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void uuidTakesNoArguments() {
    QueryException failure =
        catchThrowableOfType(
            QueryException.class, () -> Intrinsics.evaluate("States.UUID(1)", scope("{}")));
    assertThat(failure.cause())
        .isEqualTo("The function States.UUID expects 0 arguments but received 1");
  }

  @Test
  void mathRandomStaysWithinStartInclusiveEndExclusive() {
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      seen.add(Intrinsics.evaluate("States.MathRandom(1, 4)", scope("{}")).intValue());
    }
    assertThat(seen).isSubsetOf(1, 2, 3).contains(1, 3);
  }

  @Test
  void mathRandomWithTheSameSeedGivesTheSameNumber() {
    JsonNode first = Intrinsics.evaluate("States.MathRandom(1, 1000, 42)", scope("{}"));
    JsonNode again =
        Intrinsics.evaluate(
            "States.MathRandom($.start, $.end, $.seed)",
            scope("{\"start\": 1, \"end\": 1000, \"seed\": 42}"));
    assertThat(first).isEqualTo(again);
    assertThat(first.intValue()).isBetween(1, 999);
  }
}
