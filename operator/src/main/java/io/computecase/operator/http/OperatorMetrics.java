package io.computecase.operator.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The operator's metrics, rendered in the Prometheus text format on /metrics. */
public final class OperatorMetrics {

  private final Map<String, String> phaseByCase = new ConcurrentHashMap<>();
  private final AtomicLong itemsSucceeded = new AtomicLong();
  private final AtomicLong itemsFailed = new AtomicLong();
  private final AtomicLong reconcileErrors = new AtomicLong();
  private final AtomicLong statusWrites = new AtomicLong();
  private final AtomicLong executionsStarted = new AtomicLong();
  private final Histogram reconcileSeconds =
      new Histogram(
          "computecase_reconcile_duration_seconds",
          "Reconcile durations.",
          0.005,
          0.01,
          0.05,
          0.1,
          0.5,
          1,
          5);
  private final Histogram startLatency =
      new Histogram(
          "computecase_start_latency_seconds",
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

  private final Histogram itemSeconds =
      new Histogram(
          "computecase_item_duration_seconds",
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

  public void phase(String caseKey, String phase) {
    if (phase == null) {
      phaseByCase.remove(caseKey);
    } else {
      phaseByCase.put(caseKey, phase);
    }
  }

  public void caseFinished(long succeeded, long failed) {
    itemsSucceeded.addAndGet(succeeded);
    itemsFailed.addAndGet(failed);
  }

  /** One succeeded item's duration, as its worker reported it. */
  public void itemCompleted(double millis) {
    itemSeconds.observe(millis / 1000.0);
  }

  public void reconciled(double seconds, boolean error) {
    if (error) {
      reconcileErrors.incrementAndGet();
    }
    reconcileSeconds.observe(seconds);
  }

  /** Seconds between a case's creation and the StartExecution that started it. */
  public void started(double secondsSinceCreation) {
    startLatency.observe(secondsSinceCreation);
  }

  public void statusWritten() {
    statusWrites.incrementAndGet();
  }

  public void executionStarted() {
    executionsStarted.incrementAndGet();
  }

  /** Reconciles that ended in an error, since start. */
  public long reconcileErrors() {
    return reconcileErrors.get();
  }

  public long statusWrites() {
    return statusWrites.get();
  }

  /** The Prometheus exposition text (version 0.0.4). */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("# HELP computecase_cases ComputeCases by phase.\n# TYPE computecase_cases gauge\n");
    Map<String, Long> byPhase = new java.util.TreeMap<>();
    for (String p : new String[] {"Pending", "Running", "Succeeded", "Failed", "Stopped"}) {
      byPhase.put(p, 0L);
    }
    phaseByCase.values().forEach(p -> byPhase.merge(p, 1L, Long::sum));
    byPhase.forEach(
        (p, n) ->
            out.append("computecase_cases{phase=\"")
                .append(p)
                .append("\"} ")
                .append(n)
                .append('\n'));
    counter(
        out,
        "computecase_items_succeeded_total",
        "Items of finished cases that succeeded.",
        itemsSucceeded.get());
    counter(
        out,
        "computecase_items_failed_total",
        "Items of finished cases that failed.",
        itemsFailed.get());
    counter(
        out,
        "computecase_executions_started_total",
        "Executions started.",
        executionsStarted.get());
    counter(
        out,
        "computecase_status_writes_total",
        "Status writes to the API server.",
        statusWrites.get());
    counter(
        out,
        "computecase_reconcile_errors_total",
        "Reconciles that failed.",
        reconcileErrors.get());
    reconcileSeconds.render(out);
    startLatency.render(out);
    itemSeconds.render(out);
    return out.toString();
  }

  private static void counter(StringBuilder out, String name, String help, long value) {
    out.append("# HELP ")
        .append(name)
        .append(' ')
        .append(help)
        .append('\n')
        .append("# TYPE ")
        .append(name)
        .append(" counter\n")
        .append(name)
        .append(' ')
        .append(value)
        .append('\n');
  }
}
