package io.computecase.local.sfn.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.computecase.local.sfn.definition.DefinitionParser;
import io.computecase.local.sfn.definition.StateMachineDefinition;
import io.computecase.local.sfn.execution.Execution;
import io.computecase.local.sfn.execution.ExecutionPosition;
import io.computecase.local.sfn.execution.ExecutionStatus;
import io.computecase.local.sfn.execution.MachineRevision;
import io.computecase.local.sfn.execution.MapRun;
import io.computecase.local.sfn.execution.Resumption;
import io.computecase.local.sfn.execution.StepFunctionsEngine;
import io.computecase.local.sfn.execution.history.EventDetails;
import io.computecase.local.sfn.execution.history.HistoryEvent;
import io.computecase.local.sfn.execution.history.HistorySpill;
import io.computecase.local.sfn.execution.tokens.ResumableWait;
import io.computecase.local.sfn.machines.StateMachine;
import io.computecase.local.sfn.machines.StateMachineCatalog;
import io.computecase.local.sfn.persistence.EngineSnapshot.ExecutionImage;
import io.computecase.local.sfn.persistence.EngineSnapshot.MapRunImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Puts a snapshot back into a fresh engine: revisions are parsed again, then state machines,
 * executions, Map Runs and their children are restored; nothing runs until they are resumed.
 */
final class SnapshotRestore {
  private final StepFunctionsEngine engine;
  private final Map<String, MachineRevision> revisions = new HashMap<>();

  private SnapshotRestore(StepFunctionsEngine engine) {
    this.engine = engine;
  }

  /**
   * Restores the snapshot; {@code loggedChildren} reads, one at a time and in the order they ended,
   * the finished children it covers in the log of finished children.
   */
  static void restore(
      EngineSnapshot snapshot,
      Consumer<Consumer<ExecutionImage>> loggedChildren,
      StepFunctionsEngine engine,
      StateMachineCatalog catalog) {
    new SnapshotRestore(engine).apply(snapshot, loggedChildren, catalog);
  }

  private void apply(
      EngineSnapshot snapshot,
      Consumer<Consumer<ExecutionImage>> loggedChildren,
      StateMachineCatalog catalog) {
    for (EngineSnapshot.Revision r : snapshot.revisions()) {
      StateMachineDefinition definition = DefinitionParser.parse(r.definition());
      revisions.put(
          r.id(),
          new MachineRevision(
              r.stateMachineArn(),
              r.stateMachineName(),
              r.definition(),
              definition.graph(),
              definition.timeoutSeconds(),
              r.roleArn(),
              r.id(),
              r.updateMillis()));
    }
    for (EngineSnapshot.Machine m : snapshot.machines()) {
      StateMachine machine =
          new StateMachine(
              m.arn(), m.name(), m.type(), m.creationMillis(), revision(m.revisionId(), m.arn()));
      machine.tags().putAll(m.tags());
      machine.loggingConfiguration(m.loggingConfiguration());
      machine.tracingEnabled(m.tracingEnabled());
      catalog.restore(machine);
    }
    for (ExecutionImage image : snapshot.executions()) {
      Execution execution =
          new Execution(
              image.arn(),
              image.name(),
              revision(image.revisionId(), image.arn()),
              image.input(),
              image.startMillis(),
              null,
              image.traceHeader());
      restore(execution, image, status(image));
    }
    Map<String, RestoredRun> runs = new HashMap<>();
    for (MapRunImage image : snapshot.mapRuns()) {
      runs.put(image.arn(), restoreMapRun(image));
    }
    // Logged children first (they ended before the snapshot), then the snapshot's own; a child
    // of a Map Run the snapshot no longer holds (evicted) is left out. The log is read a line at
    // a time: a million finished children are never all read at once.
    loggedChildren.accept(
        child -> {
          RestoredRun run = runs.get(child.mapRunArn());
          if (run != null) {
            // Already in the log, before anything a later snapshot covers: not listed again.
            restoreChild(run, child).loggedUntil(1);
          }
        });
    for (ExecutionImage child : snapshot.children()) {
      RestoredRun run = runs.get(child.mapRunArn());
      if (run != null) {
        restoreChild(run, child);
      }
    }
    engine.tokens().continueAfter(snapshot.lastTokenSerial());
  }

  private MachineRevision revision(String id, String owner) {
    MachineRevision revision = revisions.get(id);
    if (revision == null) {
      throw new IllegalStateException(
          "'" + owner + "' refers to revision '" + id + "', which the snapshot does not hold");
    }
    return revision;
  }

  /** A restored Map Run, with what its restored children need. */
  private record RestoredRun(MapRun run, MachineRevision childRevision, boolean open) {}

  private RestoredRun restoreMapRun(MapRunImage image) {
    Execution parent = engine.execution(image.executionArn());
    if (parent == null) {
      throw new IllegalStateException(
          "Map Run '" + image.arn() + "' belongs to '" + image.executionArn() + "', not held");
    }
    MapRun run =
        new MapRun(
            image.arn(),
            image.executionArn(),
            image.startMillis(),
            image.maxConcurrency(),
            image.toleratedFailurePercentage(),
            image.toleratedFailureCount());
    String runStatus = image.status();
    if (runStatus.equals("RUNNING") && !parent.status().open()) {
      // Read while its execution was ending: nothing will take it up again.
      runStatus = "ABORTED";
    }
    JsonNode[] outputs = new JsonNode[image.units()];
    boolean[] succeeded = new boolean[image.units()];
    for (EngineSnapshot.UnitResult result : image.results()) {
      outputs[result.unit()] = result.output() == null ? NullNode.getInstance() : result.output();
      succeeded[result.unit()] = result.succeeded();
    }
    Resumption.restoreMapRun(
        engine,
        parent,
        run,
        image.stateName(),
        image.label(),
        outputs,
        succeeded,
        runStatus,
        image.stopMillis(),
        image.redriveCount(),
        image.redriveMillis(),
        image.itemCounters(),
        image.executionCounters());
    MachineRevision childRevision =
        Resumption.childRevision(engine, parent.revision(), image.stateName(), image.label());
    if (childRevision == null) {
      throw new IllegalStateException(
          "Map Run '"
              + image.arn()
              + "' ran Map state '"
              + image.stateName()
              + "', which its execution's definition does not have");
    }
    return new RestoredRun(run, childRevision, runStatus.equals("RUNNING"));
  }

  private Execution restoreChild(RestoredRun run, ExecutionImage c) {
    Execution child =
        new Execution(
            c.arn(),
            c.name(),
            run.childRevision(),
            c.input(),
            c.startMillis(),
            run.run(),
            c.traceHeader());
    ExecutionStatus status = status(c);
    if (status.open() && !run.open()) {
      // Its Map Run had ended while the child still showed running: nothing waits for it.
      status = new ExecutionStatus.Aborted("States.Aborted", "The Map Run had ended.");
    }
    restore(child, c, status);
    return child;
  }

  private void restore(Execution execution, ExecutionImage image, ExecutionStatus status) {
    List<EngineSnapshot.Event> events = image.history() == null ? List.of() : image.history();
    List<HistoryEvent> history = new ArrayList<>(events.size());
    for (EngineSnapshot.Event e : events) {
      history.add(
          new HistoryEvent(
              e.id(),
              e.previous(),
              e.millis(),
              e.type(),
              e.details() == null ? null : new EventDetails.Restored(e.details())));
    }
    ExecutionPosition position = position(image.position());
    if (position != null && position.waitingTask() != null && status.open()) {
      // The task waits again only once its state resumes, which for a Map Run's child comes after
      // its parent's Map has read its items again (from S3, maybe seconds): an answer before then
      // is kept for it, not refused as TaskTimedOut.
      engine.tokens().reserve(position.waitingTask().token());
    }
    Resumption.restoreExecution(
        engine,
        execution,
        status,
        image.stopMillis(),
        image.redriveCount(),
        image.redriveMillis(),
        history,
        position,
        image.unitIndex());
    EngineSnapshot.HistoryRef spilled = image.spilledHistory();
    if (spilled != null) {
      HistorySpill spill = engine.historySpill();
      if (spill == null || !spill.durable()) {
        throw new IllegalStateException(
            "Execution '" + image.arn() + "' has its history in a file that is not open");
      }
      execution
          .history()
          .restoreSpilled(spill, spilled.offset(), spilled.length(), spilled.count());
    }
  }

  private static ExecutionPosition position(EngineSnapshot.Position p) {
    if (p == null) {
      return null;
    }
    EngineSnapshot.Wait w = p.waiting();
    return new ExecutionPosition(
        p.state(),
        p.input() == null ? NullNode.getInstance() : p.input(),
        p.variables() == null ? Map.of() : p.variables(),
        p.lastEventId(),
        w == null
            ? null
            : new ResumableWait(w.token(), w.timeoutDue(), w.heartbeatDue(), w.heartbeatMillis()));
  }

  private static ExecutionStatus status(ExecutionImage image) {
    return switch (image.status()) {
      case "RUNNING" -> ExecutionStatus.RUNNING;
      case "SUCCEEDED" ->
          new ExecutionStatus.Succeeded(
              image.output() == null ? NullNode.getInstance() : image.output());
      case "FAILED" -> new ExecutionStatus.Failed(image.error(), image.cause());
      case "TIMED_OUT" -> new ExecutionStatus.TimedOut(image.error(), image.cause());
      case "ABORTED" -> new ExecutionStatus.Aborted(image.error(), image.cause());
      default ->
          throw new IllegalStateException(
              "Execution '" + image.arn() + "' has unknown status '" + image.status() + "'");
    };
  }
}
