package io.computecase.local.sfn.execution.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.Uuids;
import io.computecase.local.sfn.execution.Execution;
import io.computecase.local.sfn.execution.ExecutionStatus;
import io.computecase.local.sfn.execution.Frame;
import io.computecase.local.sfn.execution.MachineRevision;
import io.computecase.local.sfn.execution.MapRun;
import io.computecase.local.sfn.execution.StateFailure;
import io.computecase.local.sfn.execution.StateRun;
import io.computecase.local.sfn.execution.StepFunctionsEngine;
import io.computecase.local.sfn.execution.history.EventDetails;
import io.computecase.local.sfn.execution.map.writer.ChildResult;
import io.computecase.local.sfn.execution.map.writer.ResultExport;
import io.computecase.local.sfn.states.MapResultWriter;
import io.computecase.local.sfn.states.MapState;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Distributed Map: a Map Run whose units (items or batches) run as child executions, counted in
 * the run; the parent's history gets only MapRunStarted and MapRunSucceeded/MapRunFailed.
 */
final class DistributedMapRun {
  private final StateRun run;
  private final Frame frame;
  private final StepFunctionsEngine engine;
  private final MapUnits units;
  private final MapRun mapRun;
  private final MachineRevision childRevision;
  private final String arnPrefix;
  private final boolean redriven;
  private final boolean resumed;
  private final long itemTotal;
  private final MapResultWriter writer;
  private final ResultExport export;
  private final AtomicBoolean failing = new AtomicBoolean();
  // The first unit whose input could not be made (its ItemSelector failed): it fails the Map.
  private final AtomicReference<StateFailure> unitFailure = new AtomicReference<>();

  private DistributedMapRun(
      StateRun run,
      MapState map,
      MapUnits units,
      MapRun mapRun,
      String label,
      boolean redriven,
      boolean resumed,
      ResultExport export) {
    this.run = run;
    this.frame = run.frame();
    this.engine = frame.engine();
    this.units = units;
    this.mapRun = mapRun;
    this.itemTotal = units.itemTotal();
    this.writer = map.settings().resultWriter();
    this.export = export;
    this.redriven = redriven;
    this.resumed = resumed;
    MachineRevision parent = frame.execution().revision();
    String machineName = parent.stateMachineName().split("/")[0];
    this.arnPrefix = engine.arn("execution", machineName + "/" + label) + ":";
    this.childRevision = parent.forMapRun(map, label, engine);
  }

  static CompletableFuture<JsonNode> run(
      StateRun run,
      MapState map,
      MapUnits units,
      int maxConcurrency,
      double toleratedPercentage,
      long toleratedCount,
      ResultExport export) {
    StepFunctionsEngine engine = run.frame().engine();
    Execution parent = run.frame().execution();
    for (MapRun candidate : parent.mapRuns()) {
      if (candidate.takeResume(map.name(), units.size())) {
        // Restored from a snapshot while running: the same run goes on where it was.
        return new DistributedMapRun(
                run, map, units, candidate, candidate.label(), false, true, export)
            .start();
      }
    }
    if (parent.redriveCount() > 0) {
      List<MapRun> previous = parent.mapRuns();
      for (int i = previous.size() - 1; i >= 0; i--) {
        MapRun candidate = previous.get(i);
        if (!candidate.status().equals("SUCCEEDED")
            && !candidate.status().equals("RUNNING")
            && candidate.ranState(map.name(), units.size())) {
          candidate.redrive(engine.clock().millis());
          return new DistributedMapRun(
                  run, map, units, candidate, candidate.label(), true, false, export)
              .start();
        }
      }
    }
    String machineName = parent.revision().stateMachineName().split("/")[0];
    String label = map.settings().label() != null ? map.settings().label() : shortId();
    MapRun mapRun =
        new MapRun(
            engine.arn("mapRun", machineName + "/" + label) + ":" + UUID.randomUUID(),
            run.frame().execution().arn(),
            engine.clock().millis(),
            maxConcurrency,
            toleratedPercentage,
            toleratedCount);
    mapRun.plan(map.name(), label, units.size());
    return new DistributedMapRun(run, map, units, mapRun, label, false, false, export).start();
  }

  private CompletableFuture<JsonNode> start() {
    if (resumed) {
      countResults();
    } else if (redriven) {
      // AWS redrives the same Map Run: only the units that did not succeed run again.
      frame.record(
          "MapRunRedriven", new EventDetails.MapRunRedriven(mapRun.arn(), mapRun.redriveCount()));
    } else {
      engine.registerMapRun(mapRun);
      frame.execution().addMapRun(mapRun);
      frame.record("MapRunStarted", new EventDetails.MapRunStarted(mapRun.arn()));
      mapRun.items().planned(itemTotal);
      mapRun.executions().planned(units.size());
    }
    Runnable abortChildren = () -> stopChildren("The parent execution was stopped.");
    frame.execution().onAbort(abortChildren);
    return FanOut.run(units.size(), mapRun::maxConcurrency, this::startChild, engine.executor())
        .thenCompose(
            allRan -> {
              frame.execution().forgetAbort(abortChildren);
              return finish(allRan);
            });
  }

  private CompletableFuture<Boolean> startChild(int index) {
    if (!frame.execution().status().open()) {
      return CompletableFuture.completedFuture(false);
    }
    if (redriven && mapRun.succeeded(index)) {
      return CompletableFuture.completedFuture(true);
    }
    if (resumed) {
      if (mapRun.hasResult(index)) {
        return CompletableFuture.completedFuture(true);
      }
      Execution restored = mapRun.takeRestoredChild(index);
      if (restored != null) {
        long items = unitItems(index);
        mapRun.items().started(items);
        mapRun.executions().started(1);
        CompletableFuture<ExecutionStatus> end =
            restored.status().open() ? engine.resume(restored) : restored.ended();
        return end.thenApply(status -> unitEnded(index, items, status));
      }
    }
    JsonNode input;
    try {
      input = units.unit(index);
    } catch (RuntimeException e) {
      unitFailure.compareAndSet(null, run.asFailure(e));
      return CompletableFuture.completedFuture(false);
    }
    String name = Uuids.random().toString();
    Execution child =
        new Execution(
            arnPrefix + name,
            name,
            childRevision,
            input,
            engine.clock().millis(),
            mapRun,
            frame.execution().traceHeader());
    long items = unitItems(index);
    mapRun.items().started(items);
    mapRun.executions().started(1);
    mapRun.addChild(index, child);
    return engine.launch(child).thenApply(end -> unitEnded(index, items, end));
  }

  private boolean unitEnded(int index, long items, ExecutionStatus end) {
    mapRun.items().ended(items, end);
    mapRun.executions().ended(1, end);
    mapRun.result(index, outputOf(end), end instanceof ExecutionStatus.Succeeded);
    if (!mapRun.toleranceExceeded()) {
      return true;
    }
    if (failing.compareAndSet(false, true)) {
      engine.executor().execute(() -> stopChildren("The Map Run failed."));
    }
    return false;
  }

  /**
   * A run resumed after a restart counts again from its units' results, each unit once, so that
   * counters read at slightly different moments by the snapshot cannot count an item twice.
   */
  private void countResults() {
    Map<Integer, ExecutionStatus> ends = new HashMap<>();
    for (Execution child : mapRun.children()) {
      if (!child.status().open() && child.unitIndex() >= 0) {
        ends.put(child.unitIndex(), child.status());
      }
    }
    mapRun.items().reset();
    mapRun.executions().reset();
    mapRun.items().planned(itemTotal);
    mapRun.executions().planned(units.size());
    boolean[] succeededUnits = mapRun.succeededUnits();
    for (int i = 0; i < units.size(); i++) {
      if (!mapRun.hasResult(i)) {
        continue;
      }
      ExecutionStatus end =
          succeededUnits[i]
              ? new ExecutionStatus.Succeeded(null)
              : ends.getOrDefault(i, new ExecutionStatus.Failed(null, null));
      if (succeededUnits[i] != end instanceof ExecutionStatus.Succeeded) {
        end = new ExecutionStatus.Failed(null, null);
      }
      long items = unitItems(i);
      mapRun.items().started(items);
      mapRun.items().ended(items, end);
      mapRun.executions().started(1);
      mapRun.executions().ended(1, end);
    }
  }

  private long unitItems(int index) {
    return units.items(index);
  }

  private static JsonNode outputOf(ExecutionStatus end) {
    if (end instanceof ExecutionStatus.Succeeded succeeded) {
      return succeeded.output();
    }
    String error = null;
    String cause = null;
    if (end instanceof ExecutionStatus.Failed failed) {
      error = failed.error();
      cause = failed.cause();
    } else if (end instanceof ExecutionStatus.TimedOut timedOut) {
      error = timedOut.error();
      cause = timedOut.cause();
    } else if (end instanceof ExecutionStatus.Aborted aborted) {
      error = aborted.error();
      cause = aborted.cause();
    }
    ObjectNode output = AwsJson.MAPPER.createObjectNode();
    if (error != null) {
      output.put("Error", error);
    }
    if (cause != null) {
      output.put("Cause", cause);
    }
    return output;
  }

  private CompletableFuture<JsonNode> finish(boolean allRan) {
    long now = engine.clock().millis();
    if (!frame.execution().status().open()) {
      mapRun.items().abortPending();
      mapRun.executions().abortPending();
      mapRun.end("ABORTED", now);
      return CompletableFuture.failedFuture(
          new StateFailure("States.Aborted", "The execution has ended."));
    }
    StateFailure unitFailed = unitFailure.get();
    if (!allRan || mapRun.toleranceExceeded() || unitFailed != null) {
      stopChildren("The Map Run failed.");
      mapRun.items().abortPending();
      mapRun.executions().abortPending();
      mapRun.end("FAILED", now);
      StateFailure failure =
          unitFailed != null
              ? unitFailed
              : new StateFailure(
                  "States.ExceedToleratedFailureThreshold",
                  "The specified tolerated failure threshold was exceeded");
      frame.record("MapRunFailed", new EventDetails.Error(failure.error(), failure.cause()));
      if (export == null) {
        return CompletableFuture.failedFuture(failure);
      }
      // The Guide's PENDING file holds the units a failed Map Run never started: the results are
      // exported for a failed run too, and the run's own failure is what the Map state fails with.
      return CompletableFuture.runAsync(this::exportIgnoringFailure, engine.blockingExecutor())
          .thenCompose(ignored -> CompletableFuture.<JsonNode>failedFuture(failure));
    }
    mapRun.end("SUCCEEDED", now);
    frame.record("MapRunSucceeded", null);
    if (export != null) {
      return CompletableFuture.supplyAsync(this::exportResults, engine.blockingExecutor())
          .exceptionallyCompose(
              failure ->
                  CompletableFuture.failedFuture(
                      (failure instanceof CompletionException ? failure.getCause() : failure)
                              instanceof ResultExport.Failure writeFailure
                          ? new StateFailure("States.ResultWriterFailed", writeFailure.getMessage())
                          : failure));
    }
    if (writer != null) {
      return CompletableFuture.completedFuture(
          ResultExport.shapedArray(writer, new ChildResults(mapRun, units)));
    }
    ArrayNode result = AwsJson.MAPPER.createArrayNode();
    for (JsonNode output : mapRun.outputs()) {
      result.add(output);
    }
    return CompletableFuture.completedFuture(result);
  }

  /**
   * Writes the result files; DescribeMapRun then counts as {@code resultsWritten} the items whose
   * child ran (the PENDING ones have no result).
   */
  private JsonNode exportResults() {
    long[] written = {0, 0};
    ChildResults results = new ChildResults(mapRun, units);
    Iterator<ChildResult> counting =
        new Iterator<>() {
          private int unit;

          @Override
          public boolean hasNext() {
            return results.hasNext();
          }

          @Override
          public ChildResult next() {
            ChildResult result = results.next();
            if (!result.pending()) {
              written[0] += unitItems(unit);
              written[1]++;
            }
            unit++;
            return result;
          }
        };
    JsonNode details = export.export(mapRun.arn(), counting);
    mapRun.resultsWritten(written[0], written[1]);
    return details;
  }

  private void exportIgnoringFailure() {
    try {
      exportResults();
    } catch (ResultExport.Failure e) {
      // The run's own failure is reported; a result file that could not be written adds nothing.
    }
  }

  private void stopChildren(String cause) {
    for (Execution child : mapRun.children()) {
      if (child.status().open()) {
        engine.abort(child, "States.Aborted", cause);
      }
    }
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
