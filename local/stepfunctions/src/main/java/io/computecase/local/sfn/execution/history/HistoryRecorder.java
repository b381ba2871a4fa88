package io.computecase.local.sfn.execution.history;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An execution's history, appended from whichever thread advances the execution; event ids are
 * dense from 1 as AWS numbers them. AWS caps a history at 25,000 events. A finished history can be
 * moved to a {@link HistorySpill} and is then read back from there when asked for.
 */
public final class HistoryRecorder {
  /** AWS's quota of history events per execution. */
  public static final int MAX_EVENTS = 25_000;

  private List<HistoryEvent> events = new ArrayList<>(8);
  // Set once the events were moved to a spill file; events is then null.
  private HistorySpill spill;
  private long spillOffset;
  private int spillLength;
  private int spilledCount;

  /** Where a spilled history lies in its file: what a snapshot keeps instead of the events. */
  public record Spilled(HistorySpill spill, long offset, int length, int count) {}

  /** Appends an event and returns its id. */
  public synchronized long append(
      long timestampMillis, String type, long previousEventId, EventDetails details) {
    List<HistoryEvent> list = inMemory();
    int id = list.size() + 1;
    list.add(new HistoryEvent(id, (int) previousEventId, timestampMillis, type, details));
    return id;
  }

  /** Puts back events read from a snapshot, before anything else is appended. */
  public synchronized void restore(List<HistoryEvent> restored) {
    spill = null;
    events = new ArrayList<>(restored);
  }

  /** Puts back a history that a snapshot says lies in the spill file. */
  public synchronized void restoreSpilled(HistorySpill file, long offset, int length, int count) {
    events = null;
    spill = file;
    spillOffset = offset;
    spillLength = length;
    spilledCount = count;
  }

  /**
   * Moves the (finished) history to the spill file; false when it could not be written, and the
   * history then stays in memory.
   */
  public synchronized boolean spillTo(HistorySpill file) {
    if (spill != null) {
      return true;
    }
    byte[] record = HistoryCodec.encode(events);
    try {
      spillOffset = file.write(record);
    } catch (IOException e) {
      return false;
    }
    spillLength = record.length;
    spilledCount = events.size();
    spill = file;
    events = null;
    return true;
  }

  /** Where the history was spilled, or null while it is in memory. */
  public synchronized Spilled spilled() {
    return spill == null ? null : new Spilled(spill, spillOffset, spillLength, spilledCount);
  }

  /** A snapshot of the events so far, oldest first. */
  public synchronized List<HistoryEvent> events() {
    if (spill != null) {
      return HistoryCodec.decode(spill.read(spillOffset, spillLength));
    }
    return List.copyOf(events);
  }

  public synchronized int size() {
    return spill != null ? spilledCount : events.size();
  }

  /** True once the history has reached AWS's quota; the execution must then fail. */
  public synchronized boolean full() {
    return size() >= MAX_EVENTS - 1;
  }

  /** The events in memory; a spilled history read back first (it is appended to again). */
  private List<HistoryEvent> inMemory() {
    if (spill != null) {
      events = new ArrayList<>(HistoryCodec.decode(spill.read(spillOffset, spillLength)));
      spill = null;
    }
    return events;
  }
}
