package io.computecase.operator.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operator's metrics, kept in a Micrometer registry whose Prometheus registry /metrics serves
 * (see {@link io.computecase.common.health.HealthAndMetricsServer}).
 */
public final class OperatorMetrics {
  private static final List<String> PHASES =
      List.of("Pending", "Running", "Succeeded", "Failed", "Stopped");

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, String> phaseByCase = new ConcurrentHashMap<>();
  private final Counter itemsSucceeded =
      Counter.builder("computecase.items.succeeded")
          .description("Items of finished cases that succeeded.")
          .register(registry);
  private final Counter itemsFailed =
      Counter.builder("computecase.items.failed")
          .description("Items of finished cases that failed.")
          .register(registry);
  private final Counter reconcileErrors =
      Counter.builder("computecase.reconcile.errors")
          .description("Reconciles that failed.")
          .register(registry);
  private final Counter statusWrites =
      Counter.builder("computecase.status.writes")
          .description("Status writes to the API server.")
          .register(registry);
  private final Counter executionsStarted =
      Counter.builder("computecase.executions.started")
          .description("Executions started.")
          .register(registry);
  private final Timer reconcileSeconds =
      seconds(
          "computecase.reconcile.duration",
          "Reconcile durations.",
          0.005,
          0.01,
          0.05,
          0.1,
          0.5,
          1,
          5);
  private final Timer startLatency =
      seconds(
          "computecase.start.latency",
          "From a ComputeCase's creation to its StartExecution.",
          0.05,
          0.1,
          0.25,
          0.5,
          1,
          2.5,
          5,
          10,
          30);
  private final Timer itemSeconds =
      seconds(
          "computecase.item.duration",
          "Computing time of succeeded items, as their workers report it (durationMs).",
          0.01,
          0.05,
          0.1,
          0.25,
          0.5,
          1,
          2.5,
          5,
          10,
          30,
          60,
          300,
          900,
          3600);

  public OperatorMetrics() {
    for (String phase : PHASES) {
      Gauge.builder("computecase.cases", phaseByCase, cases -> count(cases, phase))
          .description("ComputeCases by phase.")
          .tag("phase", phase)
          .register(registry);
    }
  }

  private static double count(Map<String, String> cases, String phase) {
    return cases.values().stream().filter(phase::equals).count();
  }

  /** A histogram of seconds with fixed buckets, as Prometheus expects them. */
  private Timer seconds(String name, String help, double... buckets) {
    return Timer.builder(name)
        .description(help)
        .serviceLevelObjectives(
            Arrays.stream(buckets)
                .mapToObj(b -> Duration.ofNanos(Math.round(b * 1e9)))
                .toArray(Duration[]::new))
        .register(registry);
  }

  private static Duration ofSeconds(double seconds) {
    return Duration.ofNanos(Math.round(seconds * 1e9));
  }

  public void phase(String caseKey, String phase) {
    if (phase == null) {
      phaseByCase.remove(caseKey);
    } else {
      phaseByCase.put(caseKey, phase);
    }
  }

  public void caseFinished(long succeeded, long failed) {
    itemsSucceeded.increment(succeeded);
    itemsFailed.increment(failed);
  }

  /** One succeeded item's duration, as its worker reported it. */
  public void itemCompleted(double millis) {
    itemSeconds.record(ofSeconds(millis / 1000.0));
  }

  public void reconciled(double seconds, boolean error) {
    if (error) {
      reconcileErrors.increment();
    }
    reconcileSeconds.record(ofSeconds(seconds));
  }

  /** Seconds between a case's creation and the StartExecution that started it. */
  public void started(double secondsSinceCreation) {
    startLatency.record(ofSeconds(secondsSinceCreation));
  }

  public void statusWritten() {
    statusWrites.increment();
  }

  public void executionStarted() {
    executionsStarted.increment();
  }

  /** Reconciles that ended in an error, since start. */
  public long reconcileErrors() {
    return (long) reconcileErrors.count();
  }

  public long statusWrites() {
    return (long) statusWrites.count();
  }

  /** The registry, for instrumentation that registers its own meters. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }
}
