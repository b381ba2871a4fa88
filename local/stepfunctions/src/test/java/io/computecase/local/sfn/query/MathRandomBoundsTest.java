package io.computecase.local.sfn.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * States.MathRandom as the Guide documents it: a number from the start (inclusive) to the end
 * (exclusive), and the same number again for the same seed.
 */
class MathRandomBoundsTest {
  private static JsonNode random(String expression) {
    return Intrinsics.evaluate(expression, QueryFixtures.scope("{}"));
  }

  @Test
  void staysFromTheStartUpToButNotIncludingTheEnd() {
    for (int i = 0; i < 500; i++) {
      assertThat(random("States.MathRandom(-2, 3)").longValue()).isBetween(-2L, 2L);
    }
  }

  @Test
  void staysWithinTheWholeThirtyTwoBitRange() {
    for (int i = 0; i < 200; i++) {
      assertThat(random("States.MathRandom(-2147483648, 2147483647)").longValue())
          .isBetween(-2147483648L, 2147483646L);
      assertThat(random("States.MathRandom(-2147483648, 2147483647, " + i + ")").longValue())
          .isBetween(-2147483648L, 2147483646L);
    }
  }

  @Test
  void theSameSeedGivesTheSameNumber() {
    for (int seed = 0; seed < 50; seed++) {
      JsonNode first = random("States.MathRandom(1, 999, " + seed + ")");
      assertThat(random("States.MathRandom(1, 999, " + seed + ")")).isEqualTo(first);
      assertThat(first.longValue()).isBetween(1L, 998L);
    }
  }
}
