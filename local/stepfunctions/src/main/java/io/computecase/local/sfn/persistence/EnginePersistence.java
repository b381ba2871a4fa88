package io.computecase.local.sfn.persistence;

import io.computecase.local.sfn.execution.Execution;
import io.computecase.local.sfn.execution.Resumption;
import io.computecase.local.sfn.execution.StepFunctionsEngine;
import io.computecase.local.sfn.execution.history.HistoryRecorder;
import io.computecase.local.sfn.execution.history.HistorySpill;
import io.computecase.local.sfn.machines.StateMachineCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's state kept in a data directory: restored at start, written every interval when
 * something changed and once more on close. A hard kill loses at most the last interval.
 */
public final class EnginePersistence implements AutoCloseable {
  /** The snapshot's file name in the data directory. */
  public static final String FILE_NAME = "stepfunctions-state.json";

  /**
   * The histories of finished Map Run children, appended once each; snapshots refer to them by
   * offset. It only grows while the engine runs (evicted executions leave their records behind).
   */
  public static final String HISTORY_FILE_NAME = "stepfunctions-histories.bin";

  /**
   * The finished children of Map Runs, one JSON line each, written once as each ends; a snapshot
   * covers a prefix of it instead of listing them.
   */
  public static final String CLOSED_CHILDREN_FILE_NAME = "stepfunctions-finished-children.jsonl";

  private static final Logger LOG = LoggerFactory.getLogger(EnginePersistence.class);

  private final StepFunctionsEngine engine;
  private final StateMachineCatalog catalog;
  private final SnapshotFile file;
  private final ClosedChildLog log;
  private final ScheduledThreadPoolExecutor writer;
  private final long intervalMillis;

  private EnginePersistence(
      StepFunctionsEngine engine,
      StateMachineCatalog catalog,
      SnapshotFile file,
      ClosedChildLog log,
      Duration interval) {
    this.engine = engine;
    this.catalog = catalog;
    this.file = file;
    this.log = log;
    this.intervalMillis = Math.max(1, interval.toMillis());
    this.writer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "sfn-snapshot");
              t.setDaemon(true);
              return t;
            });
    // On stop the next write is not waited for: the final snapshot follows at once.
    writer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /**
   * Restores what the directory holds into the (still idle) engine and starts writing snapshots;
   * call {@link #resume()} once the engine is wired, so running executions go on.
   */
  public static EnginePersistence open(
      Path dataDirectory,
      StepFunctionsEngine engine,
      StateMachineCatalog catalog,
      Duration interval) {
    SnapshotFile file = new SnapshotFile(dataDirectory.resolve(FILE_NAME));
    Path histories = dataDirectory.resolve(HISTORY_FILE_NAME);
    EngineSnapshot snapshot = file.exists() ? file.read() : null;
    if (snapshot == null) {
      // No snapshot refers to what an older history file holds.
      deleteQuietly(histories);
    }
    engine.spillHistoriesTo(HistorySpill.durable(histories));
    ClosedChildLog log =
        new ClosedChildLog(
            dataDirectory.resolve(CLOSED_CHILDREN_FILE_NAME),
            snapshot == null ? 0 : snapshot.closedChildrenLength());
    if (snapshot != null) {
      try {
        long covered = snapshot.closedChildrenLength();
        SnapshotRestore.restore(snapshot, child -> log.forEach(covered, child), engine, catalog);
      } catch (RuntimeException e) {
        log.close();
        throw file.unreadable(e.getMessage());
      }
      LOG.info(
          "Restored {} state machines and {} executions from {}",
          snapshot.machines().size(),
          snapshot.executions().size(),
          file.path());
    }
    EnginePersistence persistence = new EnginePersistence(engine, catalog, file, log, interval);
    engine.onChildFinished(persistence::logFinished);
    persistence.scheduleNext(persistence.intervalMillis);
    return persistence;
  }

  /**
   * A Map Run child has ended: written once to the log, whose snapshots then cover it. One whose
   * history is not in the durable history file stays in the snapshots themselves.
   */
  private void logFinished(Execution child) {
    HistoryRecorder.Spilled spilled = child.history().spilled();
    if (spilled == null || !spilled.spill().durable()) {
      return;
    }
    try {
      log.append(child);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not log the finished child {}: {}", child.arn(), e.toString());
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.warn("Could not delete {}: {}", path, e.toString());
    }
  }

  private void scheduleNext(long delayMillis) {
    try {
      writer.schedule(this::tick, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Stopping: the final snapshot is written by the one who stops.
    }
  }

  /**
   * Writes when due, then waits the interval, or four times as long as the write took when that is
   * longer: a large state (a 100,000-item case) costs the engine at most a fifth of one core.
   */
  private void tick() {
    long started = System.nanoTime();
    writeIfChanged();
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    scheduleNext(Math.max(intervalMillis, 4 * tookMillis));
  }

  /** Runs again the executions that were running when the snapshot was taken. */
  public void resume() {
    Resumption.resumeRunning(engine);
  }

  private void writeIfChanged() {
    if (!engine.takeChanged()) {
      return;
    }
    try {
      file.write(SnapshotCapture.capture(engine, catalog, log));
    } catch (IOException | RuntimeException e) {
      engine.changed();
      LOG.warn("Could not write the Step Functions snapshot {}: {}", file.path(), e.toString());
    }
  }

  /** Stops the periodic writes; the caller stops the engine and then calls {@link #writeLast()}. */
  public void stopWriting() {
    writer.shutdown();
    try {
      writer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Writes the final snapshot (the engine has stopped moving), then closes the history file. */
  public void writeLast() {
    try {
      writeFinalSnapshot();
    } finally {
      HistorySpill spill = engine.historySpill();
      if (spill != null) {
        spill.close();
      }
      log.close();
    }
  }

  private void writeFinalSnapshot() {
    // A thread of the stopping engine may still be finishing a state and change what is read
    // (a frame's variables): reading again then gives a consistent picture.
    for (int attempt = 1; ; attempt++) {
      try {
        file.write(SnapshotCapture.capture(engine, catalog, log));
        return;
      } catch (IOException | RuntimeException e) {
        if (attempt == 3) {
          LOG.warn(
              "Could not write the final Step Functions snapshot {}: {}",
              file.path(),
              e.toString());
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    stopWriting();
    writeLast();
  }
}
