package io.computecase.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The clock stands still until advanced, and tells its listeners when it moved. */
class TestingClockTest {
  @Test
  void itMovesOnlyWhenAdvancedAndListenersSeeTheNewTime() {
    TestingClock clock = new TestingClock(Instant.parse("2026-05-01T00:00:00Z"));
    AtomicReference<Instant> seen = new AtomicReference<>();
    clock.onAdvance(() -> seen.set(clock.instant()));

    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
    assertThat(seen.get()).isNull();

    clock.advance(Duration.ofHours(1));

    assertThat(clock.millis()).isEqualTo(Instant.parse("2026-05-01T01:00:00Z").toEpochMilli());
    assertThat(seen.get()).isEqualTo(Instant.parse("2026-05-01T01:00:00Z"));
  }

  @Test
  void itDoesNotGoBack() {
    assertThatThrownBy(() -> new TestingClock().advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
