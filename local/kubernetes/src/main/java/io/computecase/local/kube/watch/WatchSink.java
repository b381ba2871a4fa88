package io.computecase.local.kube.watch;

import io.computecase.local.kube.store.ResourceChange;

/**
 * One open watch's connection (an HTTP stream or a WebSocket) as the {@link WatchHub} sees it.
 * {@link #encode} runs on the writer's thread; every other method runs on the connection's own
 * thread, through {@link #execute}.
 */
public interface WatchSink {

  /** One event as the stream carries it. */
  String encode(ResourceChange change);

  /** Runs a task on the connection's thread, in the order given. */
  void execute(Runnable task);

  /**
   * True while the connection's outbound buffer is full: the client reads slower than events come.
   */
  boolean backedUp();

  /** Calls back once, when the client has read enough for writing to go on. */
  void whenDrained(Runnable then);

  /** Writes one encoded event. */
  void write(String event);

  /** Ends the watch with an ERROR event carrying a Status (e.g. 410 Gone). */
  void fail(int code, String reason, String message);

  /**
   * Ends the watch without an event, as the API server ends a watcher that fell too far behind; the
   * client watches again from the last resourceVersion it saw.
   */
  void end();
}
