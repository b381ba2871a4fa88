package io.computecase.local.sfn.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JSONata 2.0 language features and built-in functions as Step Functions evaluates them (golden
 * file query/jsonata-expressions.json): each case gives an expression, an input, and the value.
 */
class JsonataGoldenTest {

  static Stream<Arguments> cases() {
    JsonNode cases = QueryFixtures.resource("jsonata-expressions.json");
    return StreamSupport.stream(cases.spliterator(), false)
        .map(c -> Arguments.of(c.get("name").textValue(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void evaluates(String name, JsonNode golden) {
    QueryScope scope = QueryFixtures.scope(golden.get("input"));
    assertThat(Jsonata.evaluate(golden.get("expression").textValue(), scope))
        .isEqualTo(golden.get("expected"));
  }
}
