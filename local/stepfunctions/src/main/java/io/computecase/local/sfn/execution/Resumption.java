package io.computecase.local.sfn.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.execution.history.HistoryEvent;
import io.computecase.local.sfn.states.MapState;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What persistence needs from inside the engine: reads where executions and Map Runs stand, puts
 * restored ones back, and resumes the running ones. Kept apart so the engine's classes only grow
 * small hooks.
 */
public final class Resumption {
  private Resumption() {}

  /** Where a running execution stands; null when it has not started walking yet. */
  public static ExecutionPosition position(Execution execution) {
    Frame frame = execution.topFrame();
    if (frame == null || frame.currentState() == null) {
      return null;
    }
    return new ExecutionPosition(
        frame.currentState(),
        frame.currentInput(),
        variables(frame),
        frame.lastEventId(),
        frame.openWait());
  }

  /**
   * A copy of the frame's variables, which its own thread may be assigning at this moment (states
   * of a frame run one at a time, so a second read is almost always clean).
   */
  private static Map<String, JsonNode> variables(Frame frame) {
    for (int attempt = 1; ; attempt++) {
      try {
        return new HashMap<>(frame.variables());
      } catch (ConcurrentModificationException e) {
        if (attempt == 5) {
          throw e;
        }
        Thread.onSpinWait();
      }
    }
  }

  /** The Map state that ran the Map Run and its label (null before it was planned). */
  public static String mapStateName(MapRun run) {
    return run.stateName();
  }

  public static String label(MapRun run) {
    return run.label();
  }

  /** Each unit's result (null: not ended) and whether it succeeded. */
  public static JsonNode[] outputs(MapRun run) {
    return run.outputs();
  }

  public static boolean[] succeeded(MapRun run) {
    return run.succeededUnits();
  }

  /** Puts an execution read from a snapshot back into the engine; it does not run yet. */
  public static Execution restoreExecution(
      StepFunctionsEngine engine,
      Execution execution,
      ExecutionStatus status,
      long stopMillis,
      int redriveCount,
      long redriveMillis,
      List<HistoryEvent> history,
      ExecutionPosition position,
      int unitIndex) {
    execution.history().restore(history);
    execution.restore(status, stopMillis, redriveCount, redriveMillis);
    execution.unitIndex(unitIndex);
    boolean child = execution.mapRun() != null;
    if (position != null && (!child || status.open())) {
      Frame frame =
          new Frame(engine, execution, new HashMap<>(position.variables()), position.lastEventId());
      frame.current(position.state(), position.input());
      if (status.open() && position.waitingTask() != null) {
        frame.resumeWait(position.waitingTask());
      }
      execution.topFrame(frame);
    }
    if (child) {
      execution.mapRun().restoredChild(unitIndex, execution);
    }
    engine.restore(execution);
    return execution;
  }

  /** Puts a Map Run read from a snapshot back, attached to its parent execution. */
  public static void restoreMapRun(
      StepFunctionsEngine engine,
      Execution parent,
      MapRun run,
      String mapStateName,
      String label,
      JsonNode[] outputs,
      boolean[] succeeded,
      String status,
      long stopMillis,
      int redriveCount,
      long redriveMillis,
      long[] itemCounters,
      long[] executionCounters) {
    run.restore(
        mapStateName, label, outputs, succeeded, status, stopMillis, redriveCount, redriveMillis);
    restoreCounters(run.items(), itemCounters);
    restoreCounters(run.executions(), executionCounters);
    engine.registerMapRun(run);
    parent.addMapRun(run);
  }

  private static void restoreCounters(MapRunCounters counters, long[] c) {
    counters.restore(c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
  }

  /** Counters as {pending, running, succeeded, failed, timedOut, aborted, total}. */
  public static long[] counters(MapRunCounters c) {
    return new long[] {
      c.pending(), c.running(), c.succeeded(), c.failed(), c.timedOut(), c.aborted(), c.total()
    };
  }

  /**
   * What the children of a Map Run run: the item processor of the named Map state of the parent's
   * definition (searched through Parallel branches and Map processors); null when not found.
   */
  public static MachineRevision childRevision(
      StepFunctionsEngine engine, MachineRevision parent, String mapStateName, String label) {
    MapState map = parent.graph().findMap(mapStateName);
    return map == null ? null : parent.forMapRun(map, label, engine);
  }

  /**
   * Runs again every restored top-level execution that was running, in the state it was in; a
   * Distributed Map it was in takes its Map Run up again with the results it had.
   */
  public static void resumeRunning(StepFunctionsEngine engine) {
    for (Execution execution : engine.topLevelExecutions()) {
      if (execution.status().open()) {
        engine.resume(execution);
      }
    }
  }
}
