package io.computecase.local.events.delivery;

import java.time.Duration;

/**
 * Tuning of delivery: threads calling targets, and the exponential backoff between retries
 * (doubling from {@code initialBackoff}, capped at {@code maxBackoff}, with jitter as on AWS).
 */
public record DeliverySettings(int threads, Duration initialBackoff, Duration maxBackoff) {
  public static final DeliverySettings DEFAULT =
      new DeliverySettings(16, Duration.ofMillis(200), Duration.ofSeconds(30));
}
