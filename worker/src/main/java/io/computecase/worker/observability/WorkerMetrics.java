package io.computecase.worker.observability;

import io.computecase.worker.WorkerCounters;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/** The worker's live counters and compute-duration histogram, rendered in Prometheus text. */
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

  private final AtomicLongArray bucketCounts = new AtomicLongArray(BUCKETS_SECONDS.length + 1);
  private final LongAdder durationCount = new LongAdder();
  private final AtomicLong durationSumNanos = new AtomicLong();

  /** Records how long one item's computation took. */
  public void observeCompute(long nanos) {
    double seconds = nanos / 1e9;
    int bucket = 0;
    while (bucket < BUCKETS_SECONDS.length && seconds > BUCKETS_SECONDS[bucket]) {
      bucket++;
    }
    bucketCounts.incrementAndGet(bucket);
    durationCount.increment();
    durationSumNanos.addAndGet(nanos);
  }

  public WorkerCounters snapshot() {
    return new WorkerCounters(
        received.sum(),
        succeeded.sum(),
        failed.sum(),
        refused.sum(),
        redeliveries.sum(),
        duplicates.sum(),
        malformed.sum(),
        callbackErrors.sum(),
        released.sum(),
        inFlight.get());
  }

  /** The Prometheus text exposition (version 0.0.4) of every metric. */
  public String prometheusText() {
    WorkerCounters c = snapshot();
    StringBuilder out = new StringBuilder(2048);
    out.append(
        "# HELP computecase_worker_items_total Items finished by this worker, by outcome.\n");
    out.append("# TYPE computecase_worker_items_total counter\n");
    outcome(out, "succeeded", c.succeeded());
    outcome(out, "failed", c.failed());
    outcome(out, "refused", c.refused());
    outcome(out, "duplicate", c.duplicates());
    outcome(out, "malformed", c.malformed());
    outcome(out, "released", c.released());
    simple(
        out,
        "computecase_worker_messages_received_total",
        "counter",
        "Messages received from the queue.",
        c.received());
    simple(
        out,
        "computecase_worker_redeliveries_total",
        "counter",
        "Messages received more than once.",
        c.redeliveries());
    simple(
        out,
        "computecase_worker_callback_errors_total",
        "counter",
        "Answers to Step Functions not delivered after retries.",
        c.callbackErrors());
    simple(
        out,
        "computecase_worker_items_in_flight",
        "gauge",
        "Items computing or being answered now.",
        c.inFlight());
    out.append(
        "# HELP computecase_worker_compute_duration_seconds Time one item's computation took.\n");
    out.append("# TYPE computecase_worker_compute_duration_seconds histogram\n");
    long cumulative = 0;
    for (int i = 0; i < BUCKETS_SECONDS.length; i++) {
      cumulative += bucketCounts.get(i);
      out.append("computecase_worker_compute_duration_seconds_bucket{le=\"")
          .append(format(BUCKETS_SECONDS[i]))
          .append("\"} ")
          .append(cumulative)
          .append('\n');
    }
    cumulative += bucketCounts.get(BUCKETS_SECONDS.length);
    out.append("computecase_worker_compute_duration_seconds_bucket{le=\"+Inf\"} ")
        .append(cumulative)
        .append('\n');
    out.append("computecase_worker_compute_duration_seconds_sum ")
        .append(format(durationSumNanos.get() / 1e9))
        .append('\n');
    out.append("computecase_worker_compute_duration_seconds_count ")
        .append(durationCount.sum())
        .append('\n');
    return out.toString();
  }

  private static void outcome(StringBuilder out, String outcome, long value) {
    out.append("computecase_worker_items_total{outcome=\"")
        .append(outcome)
        .append("\"} ")
        .append(value)
        .append('\n');
  }

  private static void simple(StringBuilder out, String name, String type, String help, long value) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    out.append(name).append(' ').append(value).append('\n');
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%s", value);
  }
}
