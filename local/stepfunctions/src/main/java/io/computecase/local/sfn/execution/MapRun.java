package io.computecase.local.sfn.execution;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A Distributed Map's run: its identity, settings, counters and child executions. */
public final class MapRun {
  /**
   * AWS's Developer Guide: without MaxConcurrency, a Distributed Map runs 10,000 child workflow
   * executions in parallel; that is also the most it runs at once.
   */
  public static final int MAX_RUNNING_CHILDREN = 10_000;

  private final String arn;
  private final String executionArn;
  private final long startMillis;
  private final MapRunCounters items = new MapRunCounters();
  private final MapRunCounters executions = new MapRunCounters();
  // In start order; finished ones are also found by name (their ARN is not kept, see Execution).
  private final List<Execution> children = new ArrayList<>();
  private final Map<String, Execution> finishedByName = new HashMap<>();
  private volatile String childArnPrefix;
  private volatile int maxConcurrency;
  private volatile double toleratedFailurePercentage;
  private volatile long toleratedFailureCount;
  private volatile String status = "RUNNING";
  private volatile long stopMillis;
  private volatile int redriveCount;
  private volatile long resultsWritten;
  private volatile long executionResultsWritten;
  private volatile long redriveMillis;
  private String stateName;
  private String label;
  private JsonNode[] outputs;
  private boolean[] succeeded;
  // Set only when restored from a snapshot while running: the Map state takes it up again once.
  private Map<Integer, Execution> restoredChildren;
  private boolean resumeTaken;

  public MapRun(
      String arn,
      String executionArn,
      long startMillis,
      int maxConcurrency,
      double toleratedFailurePercentage,
      long toleratedFailureCount) {
    this.arn = arn;
    this.executionArn = executionArn;
    this.startMillis = startMillis;
    this.maxConcurrency = maxConcurrency;
    this.toleratedFailurePercentage = toleratedFailurePercentage;
    this.toleratedFailureCount = toleratedFailureCount;
  }

  /** Which Map state ran it, its label, and room for one result per unit. */
  public synchronized void plan(String mapStateName, String mapLabel, int units) {
    this.stateName = mapStateName;
    this.label = mapLabel;
    this.outputs = new JsonNode[units];
    this.succeeded = new boolean[units];
  }

  public synchronized boolean ranState(String mapStateName, int units) {
    return mapStateName.equals(stateName) && outputs != null && outputs.length == units;
  }

  public synchronized String label() {
    return label;
  }

  synchronized String stateName() {
    return stateName;
  }

  /** Whether the unit has a result (it ended, successfully or not). */
  public synchronized boolean hasResult(int unit) {
    return outputs[unit] != null;
  }

  public synchronized boolean[] succeededUnits() {
    return succeeded.clone();
  }

  /** Puts back a run read from a snapshot: what it ran, its results, status and redrives. */
  synchronized void restore(
      String mapStateName,
      String mapLabel,
      JsonNode[] unitOutputs,
      boolean[] unitSucceeded,
      String restoredStatus,
      long stop,
      int redrives,
      long redriveAt) {
    stateName = mapStateName;
    label = mapLabel;
    outputs = unitOutputs;
    succeeded = unitSucceeded;
    status = restoredStatus;
    stopMillis = stop;
    redriveCount = redrives;
    redriveMillis = redriveAt;
    if (restoredStatus.equals("RUNNING")) {
      restoredChildren = new ConcurrentHashMap<>();
    }
  }

  /** A restored child of a restored running run, for its unit to take up again. */
  void restoredChild(int unit, Execution child) {
    synchronized (this) {
      children.add(child);
    }
    if (restoredChildren != null && unit >= 0) {
      restoredChildren.put(unit, child);
    }
  }

  /** Whether this run was restored running and waits for its Map state to take it up (once). */
  public synchronized boolean takeResume(String mapStateName, int units) {
    if (restoredChildren == null || resumeTaken || !ranState(mapStateName, units)) {
      return false;
    }
    resumeTaken = true;
    return true;
  }

  /** The restored child of this unit, once; null when the unit had none. */
  public Execution takeRestoredChild(int unit) {
    Map<Integer, Execution> restored = restoredChildren;
    return restored == null ? null : restored.remove(unit);
  }

  public synchronized void result(int unit, JsonNode output, boolean success) {
    outputs[unit] = output;
    succeeded[unit] = success;
  }

  public synchronized boolean succeeded(int unit) {
    return succeeded[unit];
  }

  public synchronized JsonNode[] outputs() {
    return outputs.clone();
  }

  /** RedriveExecution reached this failed run: only units that did not succeed run again. */
  public void redrive(long atMillis) {
    items.redrive();
    executions.redrive();
    redriveCount++;
    redriveMillis = atMillis;
    stopMillis = 0;
    status = "RUNNING";
  }

  /** Items whose results the ResultWriter wrote, as DescribeMapRun's itemCounts report them. */
  public void resultsWritten(long items, long executions) {
    resultsWritten = items;
    executionResultsWritten = executions;
  }

  public long resultsWritten() {
    return resultsWritten;
  }

  public long executionResultsWritten() {
    return executionResultsWritten;
  }

  public int redriveCount() {
    return redriveCount;
  }

  public long redriveMillis() {
    return redriveMillis;
  }

  public String arn() {
    return arn;
  }

  public String executionArn() {
    return executionArn;
  }

  public long startMillis() {
    return startMillis;
  }

  public long stopMillis() {
    return stopMillis;
  }

  /** RUNNING, SUCCEEDED, FAILED or ABORTED. */
  public String status() {
    return status;
  }

  public void end(String finalStatus, long atMillis) {
    stopMillis = atMillis;
    status = finalStatus;
  }

  public MapRunCounters items() {
    return items;
  }

  public MapRunCounters executions() {
    return executions;
  }

  public synchronized List<Execution> children() {
    return List.copyOf(children);
  }

  public void addChild(int unit, Execution child) {
    child.unitIndex(unit);
    synchronized (this) {
      children.add(child);
    }
  }

  /**
   * What every child's ARN starts with ({@code ...:execution:<machine>/<label>:}), learnt from the
   * first child; returns it.
   */
  String childArnPrefix(String childArn) {
    String prefix = childArnPrefix;
    if (prefix == null) {
      prefix = childArn.substring(0, childArn.lastIndexOf(':') + 1);
      childArnPrefix = prefix;
    }
    return prefix;
  }

  /** A child's ARN rebuilt from its name (a finished child does not keep it). */
  String childArn(String childName) {
    return childArnPrefix + childName;
  }

  /** A child has ended: found by its name from now on. */
  synchronized void finished(Execution child) {
    finishedByName.put(child.name(), child);
  }

  /** The finished child of this name, or null. */
  synchronized Execution finishedChild(String childName) {
    return finishedByName.get(childName);
  }

  /**
   * How many child executions may run at once: the configured MaxConcurrency, or AWS's 10,000 when
   * it is 0 (unset) or above that, so a million items never mean a million live children.
   */
  public int maxConcurrency() {
    int configured = maxConcurrency;
    return configured <= 0 || configured > MAX_RUNNING_CHILDREN ? MAX_RUNNING_CHILDREN : configured;
  }

  /** MaxConcurrency as configured (0: unset), as DescribeMapRun tells it. */
  public int configuredMaxConcurrency() {
    return maxConcurrency;
  }

  /** The tolerated percentage; negative when the Map does not set one. */
  public double toleratedFailurePercentage() {
    return toleratedFailurePercentage;
  }

  /** The tolerated count; negative when the Map does not set one. */
  public long toleratedFailureCount() {
    return toleratedFailureCount;
  }

  /** UpdateMapRun: new limits apply to items not yet started and to the failure check. */
  public void update(Integer newMaxConcurrency, Double newPercentage, Long newCount) {
    if (newMaxConcurrency != null) {
      maxConcurrency = newMaxConcurrency;
    }
    if (newPercentage != null) {
      toleratedFailurePercentage = newPercentage;
    }
    if (newCount != null) {
      toleratedFailureCount = newCount;
    }
  }

  /** Whether failures so far exceed what the run tolerates (AWS compares to the total). */
  public boolean toleranceExceeded() {
    long failures = items.failed() + items.timedOut() + items.aborted();
    long total = items.total();
    if (failures == 0) {
      return false;
    }
    boolean countSet = toleratedFailureCount >= 0;
    boolean percentageSet = toleratedFailurePercentage >= 0;
    if (!countSet && !percentageSet) {
      return true;
    }
    boolean overCount = countSet && failures > toleratedFailureCount;
    boolean overPercentage =
        percentageSet && total > 0 && failures * 100.0 / total > toleratedFailurePercentage;
    return overCount || overPercentage;
  }
}
