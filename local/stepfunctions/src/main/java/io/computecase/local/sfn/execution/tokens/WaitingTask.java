package io.computecase.local.sfn.execution.tokens;

import io.computecase.local.sfn.execution.timers.Timers;
import java.util.function.Consumer;

/**
 * A task waiting for its token: data, not a thread. Holds its outcome once known and whom to tell,
 * and the timers that can end it. Ends once; later outcomes (a late callback, a timer) are refused.
 */
public final class WaitingTask {
  private final long heartbeatMillis;
  private volatile Timers.Timer timeout;
  private volatile Timers.Timer heartbeat;
  // When the timers are due (engine clock millis, 0 = none): a restart schedules them again.
  private volatile long timeoutDueMillis;
  private volatile long heartbeatDueMillis;
  private TaskOutcome outcome;
  private Consumer<TaskOutcome> listener;

  public WaitingTask(long heartbeatMillis) {
    this.heartbeatMillis = heartbeatMillis;
  }

  /** The HeartbeatSeconds window in millis; 0 when the task has none. */
  public long heartbeatMillis() {
    return heartbeatMillis;
  }

  /** When the TimeoutSeconds timer is due (engine clock millis); 0 when none. */
  public long timeoutDueMillis() {
    return timeoutDueMillis;
  }

  /** When the current heartbeat window ends (engine clock millis); 0 when none. */
  public long heartbeatDueMillis() {
    return heartbeatDueMillis;
  }

  /** Sets when the TimeoutSeconds timer is due; {@link #timeoutTimer} follows once scheduled. */
  public void timeoutDue(long dueMillis) {
    this.timeoutDueMillis = dueMillis;
  }

  /** The TimeoutSeconds timer, cancelled when the wait ends. */
  public void timeoutTimer(Timers.Timer timer) {
    this.timeout = timer;
  }

  void heartbeatDue(long dueMillis) {
    this.heartbeatDueMillis = dueMillis;
  }

  void heartbeatTimer(Timers.Timer timer) {
    this.heartbeat = timer;
  }

  Timers.Timer heartbeatTimer() {
    return heartbeat;
  }

  /** Ends the wait with this outcome; false when it had already ended. */
  public boolean close(TaskOutcome result) {
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

  /** The outcome once the wait ended; null while it waits. */
  public synchronized TaskOutcome outcome() {
    return outcome;
  }

  public synchronized boolean closed() {
    return outcome != null;
  }

  /** Tells the listener the outcome, now if it is known, else when it is. */
  public void whenClosed(Consumer<TaskOutcome> then) {
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
