package io.computecase.operator.observer;

import java.time.Instant;
import java.util.Optional;

/** One look at a case's execution and its Map Run, taken by {@link ExecutionObserver}. */
public record ExecutionSnapshot(
    String executionArn,
    String status,
    Instant startDate,
    Instant stopDate,
    String output,
    String error,
    String cause,
    Optional<MapRunCounters> mapRun) {

  public boolean finished() {
    return stopDate != null && !"RUNNING".equals(status) && !"PENDING_REDRIVE".equals(status);
  }
}
