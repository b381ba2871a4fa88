package io.computecase.local.sfn.execution;

import java.util.function.Consumer;

/**
 * A task waiting for its token: data, not a thread. Holds its outcome once known and whom to tell,
 * and the timers that can end it. Ends once; later outcomes (a late callback, a timer) are refused.
 */
final class WaitingTask {
  final long heartbeatMillis;
  volatile Timers.Timer timeout;
  volatile Timers.Timer heartbeat;
  // When the timers are due (engine clock millis, 0 = none): a restart schedules them again.
  volatile long timeoutDueMillis;
  volatile long heartbeatDueMillis;
  private TaskOutcome outcome;
  private Consumer<TaskOutcome> listener;

  WaitingTask(long heartbeatMillis) {
    this.heartbeatMillis = heartbeatMillis;
  }

  /** Ends the wait with this outcome; false when it had already ended. */
  boolean close(TaskOutcome result) {
    Consumer<TaskOutcome> notify;
    synchronized (this) {
      if (outcome != null) {
        return false;
      }
      outcome = result;
      notify = listener;
    }
    Timers.Timer t = timeout;
    Timers.Timer h = heartbeat;
    if (t != null) {
      t.cancel();
    }
    if (h != null) {
      h.cancel();
    }
    if (notify != null) {
      notify.accept(result);
    }
    return true;
  }

  synchronized boolean closed() {
    return outcome != null;
  }

  /** Tells the listener the outcome, now if it is known, else when it is. */
  void whenClosed(Consumer<TaskOutcome> then) {
    TaskOutcome known;
    synchronized (this) {
      known = outcome;
      if (known == null) {
        listener = then;
      }
    }
    if (known != null) {
      then.accept(known);
    }
  }
}
