package io.computecase.operator.status;

import java.util.Set;

/** The phases a ComputeCase goes through, as written to status.phase. */
public final class CasePhase {
  public static final String PENDING = "Pending";
  public static final String RUNNING = "Running";
  public static final String SUCCEEDED = "Succeeded";
  public static final String FAILED = "Failed";
  public static final String STOPPED = "Stopped";

  private static final Set<String> FINISHED = Set.of(SUCCEEDED, FAILED, STOPPED);

  private CasePhase() {}

  public static boolean finished(String phase) {
    return phase != null && FINISHED.contains(phase);
  }

  /** The phase of a case whose execution has this Step Functions status. */
  public static String ofExecutionStatus(String executionStatus) {
    return switch (executionStatus) {
      case "SUCCEEDED" -> SUCCEEDED;
      case "FAILED", "TIMED_OUT" -> FAILED;
      case "ABORTED" -> STOPPED;
      default -> RUNNING;
    };
  }
}
