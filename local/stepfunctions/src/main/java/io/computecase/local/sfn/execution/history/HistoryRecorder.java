package io.computecase.local.sfn.execution.history;

import java.util.ArrayList;
import java.util.List;

/**
 * An execution's history, appended from whichever thread advances the execution; event ids are
 * dense from 1 as AWS numbers them. AWS caps a history at 25,000 events.
 */
public final class HistoryRecorder {
  /** AWS's quota of history events per execution. */
  public static final int MAX_EVENTS = 25_000;

  private final List<HistoryEvent> events = new ArrayList<>(8);

  /** Appends an event and returns its id. */
  public synchronized long append(
      long timestampMillis, String type, long previousEventId, EventDetails details) {
    int id = events.size() + 1;
    events.add(new HistoryEvent(id, (int) previousEventId, timestampMillis, type, details));
    return id;
  }

  /** Puts back events read from a snapshot, before anything else is appended. */
  public synchronized void restore(List<HistoryEvent> restored) {
    events.clear();
    events.addAll(restored);
  }

  /** A snapshot of the events so far, oldest first. */
  public synchronized List<HistoryEvent> events() {
    return List.copyOf(events);
  }

  public synchronized int size() {
    return events.size();
  }

  /** True once the history has reached AWS's quota; the execution must then fail. */
  public synchronized boolean full() {
    return events.size() >= MAX_EVENTS - 1;
  }
}
