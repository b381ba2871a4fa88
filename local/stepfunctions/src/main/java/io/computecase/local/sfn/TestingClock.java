package io.computecase.local.sfn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that moves only when a test advances it, so waits, retries, timeouts and heartbeats are
 * tested in milliseconds. Give it to {@link LocalStepFunctions.Builder#clock}.
 */
public final class TestingClock extends Clock {
  private volatile Instant now;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  public TestingClock(Instant start) {
    this.now = start;
  }

  public TestingClock() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** Moves the clock forward; timers that came due fire. */
  public void advance(Duration duration) {
    synchronized (this) {
      now = now.plus(duration);
    }
    listeners.forEach(Runnable::run);
  }

  /** Called whenever the clock moves (the engine's timers listen). */
  public void onAdvance(Runnable listener) {
    listeners.add(listener);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public long millis() {
    return now.toEpochMilli();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
