package io.computecase.common.health;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/** One condition a probe checks: nothing when it holds, otherwise what is wrong in a few words. */
@FunctionalInterface
public interface HealthCheck {
  /** Empty when the condition holds; otherwise the problem, for the probe's answer. */
  Optional<String> problem();

  /** A check that holds while {@code condition} is true and otherwise reports {@code problem}. */
  static HealthCheck holds(BooleanSupplier condition, String problem) {
    return () -> condition.getAsBoolean() ? Optional.empty() : Optional.of(problem);
  }
}
