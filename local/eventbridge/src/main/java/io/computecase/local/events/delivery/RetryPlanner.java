package io.computecase.local.events.delivery;

import io.computecase.local.events.model.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Decides what happens to a failed delivery: another attempt after an exponential backoff with
 * jitter, while the target's RetryPolicy allows it (attempts and event age, by the injected clock);
 * otherwise the dead-letter queue.
 */
final class RetryPlanner {
  static final String ATTEMPTS_EXHAUSTED = "MaximumRetryAttempts";
  static final String AGE_EXHAUSTED = "MaximumEventAgeInSeconds";

  private final Clock clock;
  private final DeliverySettings settings;
  private final ScheduledExecutorService timer;
  private final DeadLetters deadLetters;
  private Consumer<Delivery> redeliver = delivery -> {};

  RetryPlanner(
      Clock clock,
      DeliverySettings settings,
      ScheduledExecutorService timer,
      DeadLetters deadLetters) {
    this.clock = clock;
    this.settings = settings;
    this.timer = timer;
    this.deadLetters = deadLetters;
  }

  void redeliverTo(Consumer<Delivery> redeliver) {
    this.redeliver = redeliver;
  }

  void failed(Delivery delivery, DeliveryError error) {
    if (!error.retriable()) {
      deadLetters.send(delivery, error, null);
      return;
    }
    RetryPolicy policy = delivery.target().retryPolicy();
    if (delivery.retries() >= policy.maximumRetryAttempts()) {
      deadLetters.send(delivery, error, ATTEMPTS_EXHAUSTED);
      return;
    }
    if (tooOld(delivery)) {
      deadLetters.send(delivery, error, AGE_EXHAUSTED);
      return;
    }
    long delay = backoffMillis(delivery.retries());
    timer.schedule(
        () -> {
          if (tooOld(delivery)) {
            deadLetters.send(delivery, error, AGE_EXHAUSTED);
          } else {
            redeliver.accept(delivery.retried());
          }
        },
        delay,
        TimeUnit.MILLISECONDS);
  }

  private boolean tooOld(Delivery delivery) {
    Duration age = Duration.between(delivery.event().ingestionTime(), clock.instant());
    return age.getSeconds() >= delivery.target().retryPolicy().maximumEventAgeInSeconds();
  }

  private long backoffMillis(int retries) {
    long initial = settings.initialBackoff().toMillis();
    long ceiling = Math.min(settings.maxBackoff().toMillis(), initial << Math.min(retries, 20));
    // Half fixed, half random: spreads retries of a burst without ever retrying at once.
    return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
  }
}
