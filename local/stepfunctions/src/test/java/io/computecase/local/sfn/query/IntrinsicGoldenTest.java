package io.computecase.local.sfn.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the intrinsic golden files, one per family (src/test/resources/query/intrinsics-*.json):
 * each case gives an invocation and an input, and the exact value or the exact error and cause.
 * intrinsics-guesses.json holds the cases the documentation leaves open.
 */
class IntrinsicGoldenTest {

  static Stream<Arguments> arrays() {
    return cases("intrinsics-array.json");
  }

  static Stream<Arguments> json() {
    return cases("intrinsics-json.json");
  }

  static Stream<Arguments> encoding() {
    return cases("intrinsics-encoding.json");
  }

  static Stream<Arguments> math() {
    return cases("intrinsics-math.json");
  }

  static Stream<Arguments> strings() {
    return cases("intrinsics-string.json");
  }

  static Stream<Arguments> guesses() {
    return cases("intrinsics-guesses.json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("arrays")
  void arrayIntrinsics(String name, JsonNode golden) {
    check(golden);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("json")
  void jsonIntrinsics(String name, JsonNode golden) {
    check(golden);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encoding")
  void encodingIntrinsics(String name, JsonNode golden) {
    check(golden);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("math")
  void mathIntrinsics(String name, JsonNode golden) {
    check(golden);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strings")
  void stringIntrinsics(String name, JsonNode golden) {
    check(golden);
  }

  /**
   * Behaviour the AWS documentation does not settle (intrinsics-guesses.json): each case names,
   * under "guess", the documented behaviour it was taken from.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("guesses")
  void intrinsicsAsTheClosestDocumentedBehaviourGuess(String name, JsonNode golden) {
    assertThat(golden.path("guess").asText()).as("the passage the guess follows").isNotBlank();
    check(golden);
  }

  private static void check(JsonNode golden) {
    String expression = golden.get("expression").textValue();
    QueryScope scope = QueryFixtures.scope(golden.get("input"));
    assertThat(Intrinsics.isIntrinsic(expression)).isTrue();
    if (golden.has("expected")) {
      assertThat(Intrinsics.evaluate(expression, scope)).isEqualTo(golden.get("expected"));
      return;
    }
    QueryException failure =
        catchThrowableOfType(QueryException.class, () -> Intrinsics.evaluate(expression, scope));
    assertThat(failure).as("expected a failure").isNotNull();
    assertThat(failure.error()).isEqualTo(golden.get("error").textValue());
    if (golden.has("cause")) {
      assertThat(failure.cause()).isEqualTo(golden.get("cause").textValue());
    } else {
      assertThat(failure.cause()).startsWith(golden.get("causePrefix").textValue());
    }
  }

  private static Stream<Arguments> cases(String file) {
    JsonNode cases = QueryFixtures.resource(file);
    return StreamSupport.stream(cases.spliterator(), false)
        .map(c -> Arguments.of(c.get("name").textValue(), c));
  }
}
