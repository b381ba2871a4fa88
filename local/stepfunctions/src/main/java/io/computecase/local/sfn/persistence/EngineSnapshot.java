package io.computecase.local.sfn.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The engine's state as written to disk: plain records, so the file is JSON a person can read.
 * Executions reference revisions by id; a Map Run's children are listed after their parents.
 * Finished children written to the log of finished children ({@link
 * EnginePersistence#CLOSED_CHILDREN_FILE_NAME}) are not listed: the snapshot covers the first
 * {@code closedChildrenLength} bytes of that log instead.
 */
public record EngineSnapshot(
    int format,
    long lastTokenSerial,
    List<Revision> revisions,
    List<Machine> machines,
    List<ExecutionImage> executions,
    List<MapRunImage> mapRuns,
    List<ExecutionImage> children,
    long closedChildrenLength) {

  /** The format this code writes and reads. */
  public static final int FORMAT = 1;

  /** A definition some state machine or execution runs. */
  public record Revision(
      String id,
      String stateMachineArn,
      String stateMachineName,
      String definition,
      String roleArn,
      long updateMillis) {}

  /** A state machine and its current revision. */
  public record Machine(
      String arn,
      String name,
      String type,
      long creationMillis,
      String revisionId,
      Map<String, String> tags,
      String loggingConfiguration,
      boolean tracingEnabled) {}

  /**
   * An execution; {@code position} only while it runs (where to resume); {@code spilledHistory}
   * instead of {@code history} for a finished Map Run child whose history is in the history file.
   */
  public record ExecutionImage(
      String arn,
      String name,
      String revisionId,
      String mapRunArn,
      int unitIndex,
      JsonNode input,
      long startMillis,
      String traceHeader,
      String status,
      JsonNode output,
      String error,
      String cause,
      long stopMillis,
      int redriveCount,
      long redriveMillis,
      List<Event> history,
      Position position,
      HistoryRef spilledHistory) {}

  /**
   * Where a finished child's history lies in the data directory's history file ({@link
   * EnginePersistence#HISTORY_FILE_NAME}), written there once instead of into every snapshot; the
   * execution's {@code history} is then empty.
   */
  public record HistoryRef(long offset, int length, int count) {}

  /** One history event with its details as AWS renders them. */
  public record Event(int id, int previous, long millis, String type, ObjectNode details) {}

  /** Where a running execution stands, and the task token it waits for. */
  public record Position(
      String state,
      JsonNode input,
      Map<String, JsonNode> variables,
      long lastEventId,
      Wait waiting) {}

  /** A task waiting for its token; due times in engine clock millis, 0 = none. */
  public record Wait(String token, long timeoutDue, long heartbeatDue, long heartbeatMillis) {}

  /**
   * A Distributed Map's run: how many units it planned and the results of those that ended;
   * counters are {pending, running, succeeded, failed, timedOut, aborted, total}.
   */
  public record MapRunImage(
      String arn,
      String executionArn,
      long startMillis,
      int maxConcurrency,
      double toleratedFailurePercentage,
      long toleratedFailureCount,
      String status,
      long stopMillis,
      int redriveCount,
      long redriveMillis,
      String stateName,
      String label,
      int units,
      List<UnitResult> results,
      long[] itemCounters,
      long[] executionCounters) {}

  /** The result of one unit of a Map Run that ended. */
  public record UnitResult(int unit, boolean succeeded, JsonNode output) {}
}
