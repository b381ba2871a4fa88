package io.computecase.local.sfn.execution;

/**
 * Heartbeat timers of waiting tasks: each SendTaskHeartbeat starts the HeartbeatSeconds window
 * over; when a window passes without one, the task times out with States.HeartbeatTimeout.
 */
public final class Heartbeats {
  private final StepFunctionsEngine engine;

  Heartbeats(StepFunctionsEngine engine) {
    this.engine = engine;
  }

  void restart(WaitingTask waiting, String token) {
    if (waiting.heartbeatMillis <= 0) {
      return;
    }
    scheduleAt(waiting, token, engine.clock().millis() + waiting.heartbeatMillis);
  }

  /** Starts the heartbeat window so that it ends at the given instant (a restored wait). */
  void scheduleAt(WaitingTask waiting, String token, long dueMillis) {
    Timers.Timer previous = waiting.heartbeat;
    if (previous != null) {
      previous.cancel();
    }
    waiting.heartbeatDueMillis = dueMillis;
    waiting.heartbeat =
        engine
            .timers()
            .schedule(
                dueMillis,
                () -> {
                  if (waiting.close(new TaskOutcome.HeartbeatTimeout())) {
                    engine.tokens().remove(token);
                  }
                });
  }

  /** SendTaskHeartbeat: the task must still wait. */
  public void beat(String token) {
    WaitingTask waiting = engine.tokens().find(token);
    restart(waiting, token);
  }
}
