package io.computecase.local.sfn.execution.history;

/**
 * One entry of an execution's history (ids are ints: AWS caps a history at 25,000 events): AWS's
 * event type, its id (from 1), the id of the event that led to it (0 when none), when it happened,
 * and its details (null when the type has none).
 */
public record HistoryEvent(
    int id, int previousEventId, long timestampMillis, String type, EventDetails details) {

  /** The name of the details member in AWS's HistoryEvent shape, e.g. taskScheduledEventDetails. */
  public String detailsMember() {
    if (type.endsWith("StateEntered")) {
      return "stateEnteredEventDetails";
    }
    if (type.endsWith("StateExited")) {
      return "stateExitedEventDetails";
    }
    return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
  }
}
