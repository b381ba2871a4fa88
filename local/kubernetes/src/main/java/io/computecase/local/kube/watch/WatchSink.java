package io.computecase.local.kube.watch;

import io.computecase.local.kube.store.ResourceChange;

/** Where one open watch delivers its events (an HTTP stream or a WebSocket). */
public interface WatchSink {

  void send(ResourceChange change);

  /** Ends the watch with an ERROR event carrying a Status (e.g. 410 Gone). */
  void fail(int code, String reason, String message);
}
