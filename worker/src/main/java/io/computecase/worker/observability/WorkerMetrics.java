package io.computecase.worker.observability;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The worker's live counters and compute-duration histogram: the counters are plain adders on the
 * hot path, read by a Micrometer registry that /metrics serves.
 */
public final class WorkerMetrics {
  private static final double[] BUCKETS_SECONDS = {
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300
  };

  public final LongAdder received = new LongAdder();
  public final LongAdder succeeded = new LongAdder();
  public final LongAdder failed = new LongAdder();
  public final LongAdder refused = new LongAdder();
  public final LongAdder redeliveries = new LongAdder();
  public final LongAdder duplicates = new LongAdder();
  public final LongAdder malformed = new LongAdder();
  public final LongAdder callbackErrors = new LongAdder();
  public final LongAdder released = new LongAdder();
  public final AtomicLong inFlight = new AtomicLong();

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Timer computeDuration =
      Timer.builder("computecase.worker.compute.duration")
          .description("Time one item's computation took.")
          .serviceLevelObjectives(
              Arrays.stream(BUCKETS_SECONDS)
                  .mapToObj(b -> Duration.ofNanos(Math.round(b * 1e9)))
                  .toArray(Duration[]::new))
          .register(registry);

  public WorkerMetrics() {
    outcome("succeeded", succeeded);
    outcome("failed", failed);
    outcome("refused", refused);
    outcome("duplicate", duplicates);
    outcome("malformed", malformed);
    outcome("released", released);
    counter("computecase.worker.messages.received", "Messages received from the queue.", received);
    counter("computecase.worker.redeliveries", "Messages received more than once.", redeliveries);
    counter(
        "computecase.worker.callback.errors",
        "Answers to Step Functions not delivered after retries.",
        callbackErrors);
    Gauge.builder("computecase.worker.items.in.flight", inFlight, AtomicLong::get)
        .description("Items computing or being answered now.")
        .register(registry);
  }

  private void outcome(String outcome, LongAdder adder) {
    FunctionCounter.builder("computecase.worker.items", adder, LongAdder::sum)
        .description("Items finished by this worker, by outcome.")
        .tag("outcome", outcome)
        .register(registry);
  }

  private void counter(String name, String help, LongAdder adder) {
    FunctionCounter.builder(name, adder, LongAdder::sum).description(help).register(registry);
  }

  /** Records how long one item's computation took. */
  public void observeCompute(long nanos) {
    computeDuration.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** The registry, whose Prometheus registry /metrics serves. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }
}
