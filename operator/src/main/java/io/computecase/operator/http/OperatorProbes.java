package io.computecase.operator.http;

import io.computecase.common.health.HealthCheck;
import io.computecase.common.health.HealthChecks;
import io.javaoperatorsdk.operator.RuntimeInfo;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The operator's probes. Live while the process answers: a lost API server is the informers'
 * business, and a restart would not bring it back. Ready once JOSDK has started and while every
 * event source (the informers of ComputeCases and ComputeTargets) is healthy, until it stops. A
 * follower under leader election is ready too: its informers run, only its reconciling waits.
 */
public final class OperatorProbes {
  private OperatorProbes() {}

  public static HealthChecks liveness() {
    return HealthChecks.none();
  }

  /** {@code stopping} is true from the moment the operator is told to stop. */
  public static HealthChecks readiness(RuntimeInfo runtime, BooleanSupplier stopping) {
    return HealthChecks.builder()
        .add("stopping", HealthCheck.holds(() -> !stopping.getAsBoolean(), "the operator stops"))
        .add("started", HealthCheck.holds(runtime::isStarted, "JOSDK has not started"))
        .add("event-sources", () -> unhealthyEventSources(runtime))
        .build();
  }

  private static Optional<String> unhealthyEventSources(RuntimeInfo runtime) {
    if (!runtime.isStarted()) {
      return Optional.of("not checked before JOSDK starts");
    }
    if (runtime.allEventSourcesAreHealthy()) {
      return Optional.empty();
    }
    // controller -> its unhealthy event sources, named "controller/source"
    String names =
        runtime.unhealthyEventSources().entrySet().stream()
            .flatMap(
                controller ->
                    controller.getValue().keySet().stream()
                        .map(source -> controller.getKey() + "/" + source))
            .sorted()
            .collect(Collectors.joining(", "));
    return Optional.of(names.isEmpty() ? "an event source is unhealthy" : names + " unhealthy");
  }
}
