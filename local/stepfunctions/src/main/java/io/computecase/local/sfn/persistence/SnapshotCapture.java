package io.computecase.local.sfn.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.execution.Execution;
import io.computecase.local.sfn.execution.ExecutionPosition;
import io.computecase.local.sfn.execution.ExecutionStatus;
import io.computecase.local.sfn.execution.MachineRevision;
import io.computecase.local.sfn.execution.MapRun;
import io.computecase.local.sfn.execution.Resumption;
import io.computecase.local.sfn.execution.StepFunctionsEngine;
import io.computecase.local.sfn.execution.history.HistoryEvent;
import io.computecase.local.sfn.execution.history.HistoryRecorder;
import io.computecase.local.sfn.execution.history.HistorySpill;
import io.computecase.local.sfn.execution.tokens.ResumableWait;
import io.computecase.local.sfn.machines.StateMachine;
import io.computecase.local.sfn.machines.StateMachineCatalog;
import io.computecase.local.sfn.persistence.EngineSnapshot.Event;
import io.computecase.local.sfn.persistence.EngineSnapshot.ExecutionImage;
import io.computecase.local.sfn.persistence.EngineSnapshot.MapRunImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the running engine into a snapshot without stopping it. Parts are read at slightly
 * different moments; restoring tolerates that (a resumed Map Run counts its units again from their
 * results, and a child that ended without its result recorded gives its result on resume).
 */
final class SnapshotCapture {
  private final StepFunctionsEngine engine;
  private final Map<String, EngineSnapshot.Revision> revisions = new LinkedHashMap<>();
  private final List<ExecutionImage> children = new ArrayList<>();
  private final List<MapRunImage> mapRuns = new ArrayList<>();

  private final long loggedLength;

  private SnapshotCapture(StepFunctionsEngine engine, long loggedLength) {
    this.engine = engine;
    this.loggedLength = loggedLength;
  }

  /**
   * Reads the engine; finished children within the first {@code loggedLength} bytes of the log of
   * finished children are left to it (null log: none).
   */
  static EngineSnapshot capture(
      StepFunctionsEngine engine, StateMachineCatalog catalog, ClosedChildLog log)
      throws IOException {
    // The log's length first, then the histories: each logged child's history was written before
    // its line, so both reach the disk before the snapshot that covers them.
    long logged = log == null ? 0 : log.forcedLength();
    HistorySpill spill = engine.historySpill();
    if (spill != null && spill.durable()) {
      spill.force();
    }
    return new SnapshotCapture(engine, logged).read(catalog);
  }

  private EngineSnapshot read(StateMachineCatalog catalog) {
    List<EngineSnapshot.Machine> machines = new ArrayList<>();
    for (StateMachine machine : catalog.list()) {
      machines.add(
          new EngineSnapshot.Machine(
              machine.arn(),
              machine.name(),
              machine.type(),
              machine.creationMillis(),
              revision(machine.revision()),
              new TreeMap<>(machine.tags()),
              machine.loggingConfiguration(),
              machine.tracingEnabled()));
    }
    List<ExecutionImage> executions = new ArrayList<>();
    for (Execution execution : engine.topLevelExecutions()) {
      executions.add(image(execution, revision(execution.revision())));
      mapRunsOf(execution);
    }
    // Read last: every token in this snapshot was issued at or before it.
    long serial = engine.tokens().lastSerial();
    return new EngineSnapshot(
        EngineSnapshot.FORMAT,
        serial,
        List.copyOf(revisions.values()),
        machines,
        executions,
        mapRuns,
        children,
        loggedLength);
  }

  private String revision(MachineRevision revision) {
    revisions.computeIfAbsent(
        revision.revisionId(),
        id ->
            new EngineSnapshot.Revision(
                id,
                revision.stateMachineArn(),
                revision.stateMachineName(),
                revision.definitionText(),
                revision.roleArn(),
                revision.updateMillis()));
    return revision.revisionId();
  }

  private void mapRunsOf(Execution execution) {
    for (MapRun run : execution.mapRuns()) {
      String stateName = Resumption.mapStateName(run);
      if (stateName == null) {
        continue;
      }
      JsonNode[] outputs = Resumption.outputs(run);
      boolean[] succeeded = Resumption.succeeded(run);
      List<EngineSnapshot.UnitResult> results = new ArrayList<>();
      for (int i = 0; i < outputs.length; i++) {
        if (outputs[i] != null) {
          results.add(new EngineSnapshot.UnitResult(i, succeeded[i], outputs[i]));
        }
      }
      mapRuns.add(
          new MapRunImage(
              run.arn(),
              run.executionArn(),
              run.startMillis(),
              run.configuredMaxConcurrency(),
              run.toleratedFailurePercentage(),
              run.toleratedFailureCount(),
              run.status(),
              run.stopMillis(),
              run.redriveCount(),
              run.redriveMillis(),
              stateName,
              Resumption.label(run),
              outputs.length,
              results,
              Resumption.counters(run.items()),
              Resumption.counters(run.executions())));
      for (Execution child : run.children()) {
        long logged = child.loggedUntil();
        if (logged > 0 && logged <= loggedLength) {
          continue;
        }
        children.add(image(child, null));
        mapRunsOf(child);
      }
    }
  }

  /** An execution as a snapshot keeps it (revisionId null for a Map Run's child). */
  static ExecutionImage image(Execution execution, String revisionId) {
    ExecutionStatus status = execution.status();
    JsonNode output = null;
    String error = null;
    String cause = null;
    if (status instanceof ExecutionStatus.Succeeded s) {
      output = s.output();
    } else if (status instanceof ExecutionStatus.Failed f) {
      error = f.error();
      cause = f.cause();
    } else if (status instanceof ExecutionStatus.TimedOut t) {
      error = t.error();
      cause = t.cause();
    } else if (status instanceof ExecutionStatus.Aborted a) {
      error = a.error();
      cause = a.cause();
    }
    HistoryRecorder.Spilled spilled = execution.history().spilled();
    if (spilled != null && spilled.spill().durable()) {
      return image(
          execution,
          revisionId,
          status,
          output,
          error,
          cause,
          List.of(),
          new EngineSnapshot.HistoryRef(spilled.offset(), spilled.length(), spilled.count()));
    }
    List<Event> history = new ArrayList<>();
    for (HistoryEvent event : execution.history().events()) {
      history.add(
          new Event(
              event.id(),
              event.previousEventId(),
              event.timestampMillis(),
              event.type(),
              event.details() == null ? null : event.details().render(true)));
    }
    return image(execution, revisionId, status, output, error, cause, history, null);
  }

  private static ExecutionImage image(
      Execution execution,
      String revisionId,
      ExecutionStatus status,
      JsonNode output,
      String error,
      String cause,
      List<Event> history,
      EngineSnapshot.HistoryRef spilledHistory) {
    return new ExecutionImage(
        execution.arn(),
        execution.name(),
        revisionId,
        execution.mapRun() == null ? null : execution.mapRun().arn(),
        execution.unitIndex(),
        execution.input(),
        execution.startMillis(),
        execution.traceHeader(),
        status.apiName(),
        output,
        error,
        cause,
        execution.stopMillis(),
        execution.redriveCount(),
        execution.redriveMillis(),
        history,
        position(execution),
        spilledHistory);
  }

  private static EngineSnapshot.Position position(Execution execution) {
    ExecutionPosition position = Resumption.position(execution);
    if (position == null) {
      return null;
    }
    ResumableWait wait = position.waitingTask();
    return new EngineSnapshot.Position(
        position.state(),
        position.input(),
        position.variables(),
        position.lastEventId(),
        wait == null
            ? null
            : new EngineSnapshot.Wait(
                wait.token(),
                wait.timeoutDueMillis(),
                wait.heartbeatDueMillis(),
                wait.heartbeatMillis()));
  }
}
