package io.computecase.common.health;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The named checks behind one probe ({@code /healthz} or {@code /readyz}), run in order. */
public final class HealthChecks {
  private final Map<String, HealthCheck> checks;

  private HealthChecks(Map<String, HealthCheck> checks) {
    this.checks = checks;
  }

  /** No checks: the probe passes while the process answers at all. */
  public static HealthChecks none() {
    return new HealthChecks(Map.of());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Runs every check; one that throws fails with its exception's message. */
  public HealthReport run() {
    List<HealthReport.Outcome> outcomes = new ArrayList<>(checks.size());
    checks.forEach(
        (name, check) -> {
          Optional<String> problem;
          try {
            problem = check.problem();
          } catch (RuntimeException e) {
            problem = Optional.of("check threw " + e);
          }
          outcomes.add(new HealthReport.Outcome(name, problem));
        });
    return new HealthReport(outcomes);
  }

  /** Collects named checks; names are what a failed probe's answer shows. */
  public static final class Builder {
    private final Map<String, HealthCheck> checks = new LinkedHashMap<>();

    private Builder() {}

    public Builder add(String name, HealthCheck check) {
      if (checks.putIfAbsent(Objects.requireNonNull(name), Objects.requireNonNull(check)) != null) {
        throw new IllegalArgumentException("Two health checks named '" + name + "'");
      }
      return this;
    }

    public HealthChecks build() {
      // a copy that keeps the order: the answer lists checks as they were added
      return new HealthChecks(Collections.unmodifiableMap(new LinkedHashMap<>(checks)));
    }
  }
}
