package io.computecase.local.sfn.execution;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Executions and Map Runs in memory, indexed by ARN and by state machine. */
final class ExecutionStore {
  private final Map<String, Execution> executions = new ConcurrentHashMap<>();
  private final Map<String, Queue<Execution>> byMachine = new ConcurrentHashMap<>();
  private final Map<String, MapRun> mapRuns = new ConcurrentHashMap<>();

  Execution execution(String arn) {
    return executions.get(arn);
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

  /** A Map Run's child: found by ARN, listed through its Map Run rather than its machine. */
  void registerChild(Execution execution) {
    executions.putIfAbsent(execution.arn(), execution);
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
      run.children().forEach(this::forget);
    }
  }

  MapRun mapRun(String arn) {
    return mapRuns.get(arn);
  }

  void registerMapRun(MapRun run) {
    mapRuns.put(run.arn(), run);
  }
}
