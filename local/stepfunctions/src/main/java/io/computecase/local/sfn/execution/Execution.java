package io.computecase.local.sfn.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.execution.history.HistoryRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One execution: identity, the revision it runs, its input, its status and history. A Map Run's
 * child execution also knows its Map Run.
 */
public final class Execution {
  // Null for a finished Map Run child, whose ARN its Map Run rebuilds from its name: a run of a
  // million items would otherwise keep a million ARNs.
  private String arn;
  private final String name;
  private final MachineRevision revision;
  // The input as a JSON tree while the execution runs; a finished Map Run child keeps it as UTF-8
  // JSON text instead (about a fifth of the tree's heap: every item's input repeats the case's
  // request), parsed again when DescribeExecution or the ResultWriter asks for it.
  private volatile Object input;
  private final long startMillis;
  private final MapRun mapRun;
  private final String traceHeader;
  private final HistoryRecorder history = new HistoryRecorder();
  private volatile ExecutionStatus status = ExecutionStatus.RUNNING;
  private volatile long stopMillis;
  private List<Runnable> abortHooks;
  private List<MapRun> mapRuns;
  private volatile CompletableFuture<ExecutionStatus> ended = new CompletableFuture<>();
  private volatile int redriveCount;
  private volatile long redriveMillis;
  private Frame topFrame;
  private volatile int unitIndex = -1;
  private volatile long loggedUntil;

  public Execution(
      String arn,
      String name,
      MachineRevision revision,
      JsonNode input,
      long startMillis,
      MapRun mapRun,
      String traceHeader) {
    this.arn = arn;
    this.name = name;
    this.revision = revision;
    this.input = input;
    this.startMillis = startMillis;
    this.mapRun = mapRun;
    this.traceHeader = traceHeader;
  }

  public String arn() {
    String kept = arn;
    return kept != null ? kept : mapRun.childArn(name);
  }

  /** A finished Map Run child drops its ARN when its Map Run can rebuild it. */
  void forgetArn() {
    if (mapRun != null && arn != null && arn.equals(mapRun.childArn(name))) {
      arn = null;
    }
  }

  public String name() {
    return name;
  }

  public MachineRevision revision() {
    return revision;
  }

  public JsonNode input() {
    Object kept = input;
    if (kept instanceof byte[] text) {
      try {
        return AwsJson.MAPPER.readTree(text);
      } catch (IOException e) {
        throw new UncheckedIOException("An execution's own input is JSON", e);
      }
    }
    return (JsonNode) kept;
  }

  /** A finished Map Run child keeps its input as text: a million of them share one heap. */
  void compactInput() {
    Object kept = input;
    if (mapRun != null && kept instanceof JsonNode tree) {
      try {
        input = AwsJson.MAPPER.writeValueAsBytes(tree);
      } catch (IOException e) {
        throw new UncheckedIOException("A JSON tree always serializes", e);
      }
    }
  }

  public long startMillis() {
    return startMillis;
  }

  /** The Map Run this execution is a child of, or null. */
  public MapRun mapRun() {
    return mapRun;
  }

  public String traceHeader() {
    return traceHeader;
  }

  public HistoryRecorder history() {
    return history;
  }

  public ExecutionStatus status() {
    return status;
  }

  public long stopMillis() {
    return stopMillis;
  }

  public synchronized List<MapRun> mapRuns() {
    return mapRuns == null ? List.of() : List.copyOf(mapRuns);
  }

  /** A Map Run this execution started (or that was restored for it). */
  public synchronized void addMapRun(MapRun run) {
    if (mapRuns == null) {
      mapRuns = new ArrayList<>(1);
    }
    mapRuns.add(run);
  }

  /** Moves a running execution to its end status once; false when it had already ended. */
  synchronized boolean close(ExecutionStatus end, long atMillis) {
    if (!status.open()) {
      return false;
    }
    status = end;
    stopMillis = atMillis;
    return true;
  }

  /** Running again after RedriveExecution: a new end to wait for, one more redrive. */
  synchronized void reopen(long atMillis) {
    status = ExecutionStatus.RUNNING;
    stopMillis = 0;
    redriveCount++;
    redriveMillis = atMillis;
    ended = new CompletableFuture<>();
  }

  /** Puts back the end or progress read from a snapshot, before the execution runs again. */
  synchronized void restore(
      ExecutionStatus restoredStatus, long stop, int redrives, long redriveAt) {
    status = restoredStatus;
    stopMillis = stop;
    redriveCount = redrives;
    redriveMillis = redriveAt;
    if (!restoredStatus.open()) {
      ended.complete(restoredStatus);
    }
  }

  /** Which unit of its Map Run this child runs (-1 for a top-level execution). */
  public int unitIndex() {
    return unitIndex;
  }

  void unitIndex(int index) {
    this.unitIndex = index;
  }

  /**
   * For a finished Map Run child written to persistence's log of finished children: where its line
   * ends there (0: not written), so a snapshot that covers the log so far leaves it out.
   */
  public long loggedUntil() {
    return loggedUntil;
  }

  public void loggedUntil(long logEnd) {
    this.loggedUntil = logEnd;
  }

  public int redriveCount() {
    return redriveCount;
  }

  public long redriveMillis() {
    return redriveMillis;
  }

  /** The top-level frame: where a redrive resumes (its current state, input and variables). */
  synchronized Frame topFrame() {
    return topFrame;
  }

  synchronized void topFrame(Frame frame) {
    this.topFrame = frame;
  }

  /** Completes with the end status once the execution has ended and its last event is recorded. */
  public CompletableFuture<ExecutionStatus> ended() {
    return ended;
  }

  /** Registers what to cancel when the execution stops (waiting tasks, timers, child runs). */
  public synchronized void onAbort(Runnable hook) {
    if (abortHooks == null) {
      abortHooks = new ArrayList<>(2);
    }
    abortHooks.add(hook);
  }

  /** The hook's wait has ended: nothing to cancel any more. */
  public synchronized void forgetAbort(Runnable hook) {
    if (abortHooks != null) {
      abortHooks.remove(hook);
    }
  }

  synchronized List<Runnable> takeAbortHooks() {
    List<Runnable> hooks = abortHooks == null ? List.of() : abortHooks;
    abortHooks = null;
    return hooks;
  }

  /**
   * The Execution member of the context object; built when asked rather than kept, since a waiting
   * execution should hold as little as it can.
   */
  ObjectNode contextExecution() {
    ObjectNode node = AwsJson.MAPPER.createObjectNode();
    node.put("Id", arn());
    node.set("Input", input());
    node.put("Name", name);
    node.put("RoleArn", revision.roleArn());
    node.put("StartTime", ContextTimes.format(startMillis));
    node.put("RedriveCount", redriveCount);
    if (redriveCount > 0) {
      // The Guide: "the RedriveTime Context object is only available if you've redriven an
      // execution".
      node.put("RedriveTime", ContextTimes.format(redriveMillis));
    }
    return node;
  }
}
