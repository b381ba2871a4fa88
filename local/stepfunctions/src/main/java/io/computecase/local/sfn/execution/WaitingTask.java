package io.computecase.local.sfn.execution;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A task waiting for its token: data, not a thread. Holds the future its state continues from,
 * and the timers that can end it.
 */
final class WaitingTask {
  final CompletableFuture<TaskOutcome> outcome = new CompletableFuture<>();
  final long heartbeatMillis;
  private final AtomicBoolean closed = new AtomicBoolean();
  volatile Timers.Timer timeout;
  volatile Timers.Timer heartbeat;

  WaitingTask(long heartbeatMillis) {
    this.heartbeatMillis = heartbeatMillis;
  }

  /** Ends the wait once; later outcomes (a late callback, a timer) are refused. */
  boolean close(TaskOutcome result) {
    if (!closed.compareAndSet(false, true)) {
      return false;
    }
    Timers.Timer t = timeout;
    Timers.Timer h = heartbeat;
    if (t != null) {
      t.cancel();
    }
    if (h != null) {
      h.cancel();
    }
    outcome.complete(result);
    return true;
  }
}
