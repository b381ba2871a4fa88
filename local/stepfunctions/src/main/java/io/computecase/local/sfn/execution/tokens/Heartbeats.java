package io.computecase.local.sfn.execution.tokens;

import io.computecase.local.sfn.execution.timers.Timers;
import java.time.Clock;

/**
 * Heartbeat timers of waiting tasks: each SendTaskHeartbeat starts the HeartbeatSeconds window
 * over; when a window passes without one, the task times out with States.HeartbeatTimeout.
 */
public final class Heartbeats {
  private final Clock clock;
  private final Timers timers;
  private final TaskTokenRegistry tokens;

  public Heartbeats(Clock clock, Timers timers, TaskTokenRegistry tokens) {
    this.clock = clock;
    this.timers = timers;
    this.tokens = tokens;
  }

  /** Starts the task's heartbeat window (again); nothing when it has no HeartbeatSeconds. */
  public void restart(WaitingTask waiting, String token) {
    if (waiting.heartbeatMillis() <= 0) {
      return;
    }
    scheduleAt(waiting, token, clock.millis() + waiting.heartbeatMillis());
  }

  /** Starts the heartbeat window so that it ends at the given instant (a restored wait). */
  public void scheduleAt(WaitingTask waiting, String token, long dueMillis) {
    Timers.Timer previous = waiting.heartbeatTimer();
    if (previous != null) {
      previous.cancel();
    }
    waiting.heartbeatDue(dueMillis);
    waiting.heartbeatTimer(
        timers.schedule(
            dueMillis,
            () -> {
              if (waiting.close(new TaskOutcome.HeartbeatTimeout())) {
                tokens.remove(token);
              }
            }));
  }

  /** SendTaskHeartbeat: the task must still wait. */
  public void beat(String token) {
    WaitingTask waiting = tokens.find(token);
    restart(waiting, token);
  }
}
