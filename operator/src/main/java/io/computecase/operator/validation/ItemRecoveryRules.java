package io.computecase.operator.validation;

import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.ItemRetry;
import java.util.Optional;

/**
 * The spec fields that say how items recover from failure (heartbeatSeconds, retry,
 * toleratedFailureCount), checked as the CRD schema does, each problem naming the field and fix.
 */
final class ItemRecoveryRules {
  static final int DEFAULT_ITEM_TIMEOUT_SECONDS = 3600;

  private ItemRecoveryRules() {}

  static Optional<SpecProblem> firstProblem(ComputeCaseSpec spec) {
    Integer heartbeat = spec.getHeartbeatSeconds();
    int timeout =
        spec.getItemTimeoutSeconds() == null
            ? DEFAULT_ITEM_TIMEOUT_SECONDS
            : spec.getItemTimeoutSeconds();
    if (heartbeat != null && (heartbeat < 1 || heartbeat >= timeout)) {
      return problem(
          "InvalidHeartbeat",
          "spec.heartbeatSeconds is "
              + heartbeat
              + ": use 1 up to "
              + (timeout - 1)
              + " seconds, smaller than spec.itemTimeoutSeconds ("
              + timeout
              + "), or leave it out when workers send no heartbeats.");
    }
    Integer count = spec.getToleratedFailureCount();
    if (count != null && count < 0) {
      return problem(
          "InvalidToleratedFailureCount",
          "spec.toleratedFailureCount is "
              + count
              + ": use 0 or more items, or leave it out to use"
              + " toleratedFailurePercentage alone.");
    }
    return spec.getRetry() == null ? Optional.empty() : retry(spec.getRetry());
  }

  private static Optional<SpecProblem> retry(ItemRetry retry) {
    Integer attempts = retry.getMaxAttempts();
    if (attempts != null && (attempts < 1 || attempts > ItemRetry.MAX_ATTEMPTS)) {
      return problem(
          "InvalidRetry",
          "spec.retry.maxAttempts is "
              + attempts
              + ": use 1 (no retry) to "
              + ItemRetry.MAX_ATTEMPTS
              + " attempts per item, the first one included.");
    }
    Integer interval = retry.getIntervalSeconds();
    if (interval != null && (interval < 0 || interval > ItemRetry.MAX_INTERVAL_SECONDS)) {
      return problem(
          "InvalidRetry",
          "spec.retry.intervalSeconds is "
              + interval
              + ": use 0 to "
              + ItemRetry.MAX_INTERVAL_SECONDS
              + " seconds before the second attempt.");
    }
    Double rate = retry.getBackoffRate();
    if (rate != null && (rate.isNaN() || rate < 1.0 || rate > ItemRetry.MAX_BACKOFF_RATE)) {
      return problem(
          "InvalidRetry",
          "spec.retry.backoffRate is "
              + rate
              + ": use 1.0 (equal waits) to "
              + ItemRetry.MAX_BACKOFF_RATE
              + ", the factor each wait grows by.");
    }
    return Optional.empty();
  }

  private static Optional<SpecProblem> problem(String reason, String message) {
    return Optional.of(new SpecProblem(reason, message));
  }
}
