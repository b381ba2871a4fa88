package io.computecase.local.events.model;

/**
 * How long EventBridge keeps retrying a failed delivery to one target: whichever limit is reached
 * first ends the retries.
 */
public record RetryPolicy(int maximumRetryAttempts, int maximumEventAgeInSeconds) {
  /** AWS's default for a rule target: 185 attempts over 24 hours. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(185, 86_400);
}
