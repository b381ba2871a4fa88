package io.computecase.local.sfn.execution.timers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.testing.TestingClock;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A cancelled timer never runs, and lets go of its action at once: a task's timeout, cancelled when
 * the task ends, must not keep the task's execution until its due time (a million items would keep
 * a million executions).
 */
class CancelledTimerTest {
  @Test
  void aCancelledTimerNeitherRunsNorKeepsItsAction() {
    TestingClock clock = new TestingClock();
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try (Timers timers = new Timers(clock, executor)) {
      AtomicBoolean ran = new AtomicBoolean();
      byte[] held = new byte[1_000_000];
      WeakReference<byte[]> heldByAction = new WeakReference<>(held);
      Timers.Timer timer = schedule(timers, clock, held, ran);

      timer.cancel();

      held = null;
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                System.gc();
                return heldByAction.get() == null;
              });
      AtomicBoolean later = new AtomicBoolean();
      timers.schedule(clock.millis() + Duration.ofHours(2).toMillis(), () -> later.set(true));
      clock.advance(Duration.ofHours(3));
      timers.wake();
      await().atMost(Duration.ofSeconds(10)).untilTrue(later);
      assertThat(ran).isFalse();
    } finally {
      executor.shutdownNow();
    }
  }

  /** A timer an hour ahead whose action holds {@code held}. */
  private static Timers.Timer schedule(
      Timers timers, TestingClock clock, byte[] held, AtomicBoolean ran) {
    return timers.schedule(
        clock.millis() + Duration.ofHours(1).toMillis(), () -> ran.set(held.length > 0));
  }
}
