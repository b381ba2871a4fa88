package io.computecase.local.sfn.states;

import java.util.List;

/** One Retry rule: which errors, how often and with what backoff. */
public record Retrier(
    List<String> errorEquals,
    double intervalSeconds,
    int maxAttempts,
    double backoffRate,
    Double maxDelaySeconds,
    boolean fullJitter) {

  public boolean matches(String error) {
    return ErrorMatching.matches(errorEquals, error);
  }

  /** The delay before retry number {@code attempt} (0-based), before jitter. */
  public double delaySeconds(int attempt) {
    double delay = intervalSeconds * Math.pow(backoffRate, attempt);
    return maxDelaySeconds == null ? delay : Math.min(delay, maxDelaySeconds);
  }
}
