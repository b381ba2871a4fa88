package io.computecase.local.kube.watch;

import io.computecase.local.kube.store.ResourceChange;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The events of one watch not yet handed to its connection. Writers only append (and never wait);
 * the connection's thread takes events off only as fast as the client reads them. Live events are
 * bounded in count and characters: a watcher that falls further behind has its watch ended and its
 * queue freed, as kube-apiserver ends an unresponsive watcher, so a client that stops reading costs
 * the server at most the bound and slows no one else.
 */
final class WatchBacklog {

  private final WatchSink sink;
  private final int maxEvents;
  private final long maxChars;
  // What a new watch missed, straight from the hub's own memory, so it is not counted: encoded
  // only as the client reads.
  private final Deque<ResourceChange> missed;
  private final Deque<String> live = new ArrayDeque<>();
  private long chars;
  private long peakChars;
  private boolean draining;
  private boolean ended;

  WatchBacklog(WatchSink sink, List<ResourceChange> missed, int maxEvents, long maxChars) {
    this.sink = sink;
    this.missed = new ArrayDeque<>(missed);
    this.maxEvents = maxEvents;
    this.maxChars = maxChars;
  }

  /** Starts delivering what the watch missed. */
  void start() {
    synchronized (this) {
      draining = true;
    }
    sink.execute(this::drain);
  }

  /**
   * Queues a live event; false when this event puts the watcher past its bound, which ends its
   * watch. A watch already closed takes nothing.
   */
  boolean offer(ResourceChange change) {
    synchronized (this) {
      if (ended) {
        return true;
      }
    }
    String event = sink.encode(change);
    boolean startDrain;
    synchronized (this) {
      if (ended) {
        return true;
      }
      if (live.size() >= maxEvents || chars + event.length() > maxChars) {
        discard();
        sink.execute(sink::end);
        return false;
      }
      live.addLast(event);
      chars += event.length();
      peakChars = Math.max(peakChars, chars);
      startDrain = !draining;
      draining = true;
    }
    if (startDrain) {
      sink.execute(this::drain);
    }
    return true;
  }

  /** Frees the queue; nothing more is written. */
  synchronized void discard() {
    ended = true;
    missed.clear();
    live.clear();
    chars = 0;
  }

  /** The most characters of live events that ever waited at once. */
  synchronized long peakChars() {
    return peakChars;
  }

  // On the connection's thread: writes until the queue is empty or the client stops keeping up,
  // then waits for the client to read.
  private void drain() {
    while (true) {
      synchronized (this) {
        if (ended) {
          draining = false;
          return;
        }
      }
      if (sink.backedUp()) {
        sink.whenDrained(this::drain);
        return;
      }
      ResourceChange replay;
      String event;
      synchronized (this) {
        if (ended) {
          draining = false;
          return;
        }
        replay = missed.pollFirst();
        event = replay == null ? live.pollFirst() : null;
        if (replay == null && event == null) {
          draining = false;
          return;
        }
        if (event != null) {
          chars -= event.length();
        }
      }
      sink.write(replay != null ? sink.encode(replay) : event);
    }
  }
}
