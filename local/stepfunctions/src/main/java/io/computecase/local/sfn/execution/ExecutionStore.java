package io.computecase.local.sfn.execution;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/** Executions and Map Runs in memory, indexed by ARN and by state machine. */
final class ExecutionStore {
  private final Map<String, Execution> executions = new ConcurrentHashMap<>();
  private final Map<String, Queue<Execution>> byMachine = new ConcurrentHashMap<>();
  private final Map<String, MapRun> mapRuns = new ConcurrentHashMap<>();
  // Map Runs by what their children's ARNs start with: a finished child is found through its run.
  private final Map<String, CopyOnWriteArrayList<MapRun>> runsByChildArnPrefix =
      new ConcurrentHashMap<>();

  Execution execution(String arn) {
    Execution execution = executions.get(arn);
    return execution != null ? execution : finishedChild(arn);
  }

  private Execution finishedChild(String arn) {
    int colon = arn.lastIndexOf(':');
    if (colon < 0) {
      return null;
    }
    List<MapRun> runs = runsByChildArnPrefix.get(arn.substring(0, colon + 1));
    if (runs == null) {
      return null;
    }
    String name = arn.substring(colon + 1);
    for (MapRun run : runs) {
      Execution child = run.finishedChild(name);
      if (child != null) {
        return child;
      }
    }
    return null;
  }

  Collection<Execution> executionsOf(String stateMachineArn) {
    Queue<Execution> list = byMachine.get(stateMachineArn);
    return list == null ? List.of() : List.copyOf(list);
  }

  /** Every top-level execution, grouped by state machine, each group in start order. */
  List<Execution> topLevel() {
    List<Execution> all = new ArrayList<>();
    byMachine.values().forEach(all::addAll);
    return all;
  }

  /** A top-level execution, unless one with its ARN exists: then that one is returned. */
  Execution register(Execution execution) {
    Execution existing = executions.putIfAbsent(execution.arn(), execution);
    if (existing != null) {
      return existing;
    }
    byMachine
        .computeIfAbsent(execution.revision().stateMachineArn(), k -> new ConcurrentLinkedQueue<>())
        .add(execution);
    return execution;
  }

  /**
   * An execution that starts (or was restored). A Map Run's child is listed through its Map Run
   * rather than its machine, and found by ARN here while it runs, through its run once finished.
   */
  void registerChild(Execution execution) {
    MapRun run = execution.mapRun();
    if (run == null) {
      executions.putIfAbsent(execution.arn(), execution);
      return;
    }
    String prefix = run.childArnPrefix(execution.arn());
    runsByChildArnPrefix
        .computeIfAbsent(prefix, k -> new CopyOnWriteArrayList<>())
        .addIfAbsent(run);
    if (execution.status().open()) {
      executions.putIfAbsent(execution.arn(), execution);
    } else {
      childFinished(execution);
    }
  }

  /**
   * A Map Run's child has ended: from now on it is found through its run, and keeps no ARN (a run
   * of a million items would otherwise index a million ARNs here).
   */
  void childFinished(Execution child) {
    String arn = child.arn();
    child.mapRun().finished(child);
    executions.remove(arn);
    child.forgetArn();
  }

  /**
   * Forgets the closed top-level executions of one state machine that stopped before {@code
   * cutoffMillis}, and all but the newest {@code keepClosed} of the others, with their Map Runs and
   * child executions; running executions are kept whatever their age. Returns how many went.
   */
  int evictClosed(String stateMachineArn, long cutoffMillis, int keepClosed) {
    Queue<Execution> machine = byMachine.get(stateMachineArn);
    if (machine == null) {
      return 0;
    }
    List<Execution> closed = new ArrayList<>();
    for (Execution execution : machine) {
      if (!(execution.status() instanceof ExecutionStatus.Running)) {
        closed.add(execution);
      }
    }
    closed.sort(Comparator.comparingLong(Execution::stopMillis).reversed());
    int evicted = 0;
    for (int i = 0; i < closed.size(); i++) {
      Execution execution = closed.get(i);
      if (i >= keepClosed || execution.stopMillis() < cutoffMillis) {
        machine.remove(execution);
        forget(execution);
        evicted++;
      }
    }
    return evicted;
  }

  private void forget(Execution execution) {
    executions.remove(execution.arn());
    for (MapRun run : execution.mapRuns()) {
      mapRuns.remove(run.arn());
      List<Execution> children = run.children();
      if (!children.isEmpty()) {
        runsByChildArnPrefix.computeIfPresent(
            run.childArnPrefix(children.get(0).arn()),
            (prefix, runs) -> {
              runs.remove(run);
              return runs.isEmpty() ? null : runs;
            });
      }
      children.forEach(this::forget);
    }
  }

  MapRun mapRun(String arn) {
    return mapRuns.get(arn);
  }

  void registerMapRun(MapRun run) {
    mapRuns.put(run.arn(), run);
  }
}
