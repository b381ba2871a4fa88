package io.computecase.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that moves only when a test advances it, so that waits, retries, timeouts and heartbeats
 * are tested in milliseconds. Whatever keeps timers on it listens through {@link #onAdvance}: the
 * Step Functions engine takes {@code clock::onAdvance} as its builder's {@code onClockAdvance}.
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

  /** Moves the clock forward, then tells every listener, so timers that came due fire. */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a clock does not go back: " + duration);
    }
    synchronized (this) {
      now = now.plus(duration);
    }
    listeners.forEach(Runnable::run);
  }

  /** Runs {@code listener} after every {@link #advance}. */
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
