package io.computecase.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed environment variables, and the one text per kind of bad value. */
class EnvironmentVariablesTest {
  private static EnvironmentVariables env(String name, String value) {
    return EnvironmentVariables.of(Map.of(name, value));
  }

  @Test
  void blankIsUnsetAndValuesAreStripped() {
    EnvironmentVariables env = EnvironmentVariables.of(Map.of("A", "  ", "B", " b "));

    assertThat(env.string("A")).isEmpty();
    assertThat(env.string("B")).contains("b");
    assertThat(env.string("C")).isEmpty();
    assertThat(env.port("A")).isEmpty();
  }

  @Test
  void readsEachKind() {
    assertThat(env("N", "7").positiveInt("N")).contains(7);
    assertThat(env("N", "30").seconds("N")).contains(Duration.ofSeconds(30));
    assertThat(env("N", "-1").port("N")).contains(-1);
    assertThat(env("N", "0").port("N")).contains(0);
    assertThat(env("N", "TRUE").bool("N")).contains(true);
    assertThat(env("N", "false").bool("N")).contains(false);
    assertThat(env("N", "http://127.0.0.1:4566").endpoint("N"))
        .contains(URI.create("http://127.0.0.1:4566"));
    assertThat(env("N", "a, b,,").commaList("N")).contains(List.of("a", "b"));
  }

  @Test
  void eachBadValueNamesTheVariableItsValueAndTheFix() {
    assertThatThrownBy(() -> env("COMPUTECASE_HTTP_PORT", "abc").port("COMPUTECASE_HTTP_PORT"))
        .isInstanceOf(InvalidVariableException.class)
        .hasMessage(
            "COMPUTECASE_HTTP_PORT='abc' is not a port: set it to an integer between 0 and 65535"
                + " (0 takes any free port, -1 serves none)");
    assertThatThrownBy(() -> env("N", "65536").port("N")).hasMessageStartingWith("N='65536'");
    assertThatThrownBy(() -> env("N", "0").positiveInt("N"))
        .hasMessage("N='0' is not a positive integer: set it to a whole number of 1 or more");
    assertThatThrownBy(() -> env("N", "1.5").seconds("N"))
        .hasMessage("N='1.5' is not a positive integer: set it to a whole number of 1 or more");
    assertThatThrownBy(() -> env("N", "yes").bool("N"))
        .hasMessage("N='yes' is not a boolean: set it to true or false");
    assertThatThrownBy(() -> env("N", "localhost:4566").endpoint("N"))
        .hasMessage(
            "N='localhost:4566' is not an endpoint URL: set it like http://127.0.0.1:4566, or"
                + " unset it to use AWS's default endpoint");
  }

  @Test
  void anOptionGivenInsteadOfItsVariableIsReadTheSameWay() {
    EnvironmentVariables env =
        env("COMPUTECASE_HTTP_PORT", "8080").with("COMPUTECASE_HTTP_PORT", 9090).with("X", null);

    assertThat(env.port("COMPUTECASE_HTTP_PORT")).contains(9090);
    assertThat(env.asMap()).doesNotContainKey("X");
  }
}
