package io.computecase.operator.execution;

import io.computecase.api.v1alpha1.ComputeCaseSpec;
import java.util.OptionalLong;

/**
 * The two thresholds handed to the Distributed Map. A Map Run fails when either is exceeded, so a
 * threshold the spec does not set is passed as one that cannot be exceeded: a count alone comes
 * with 100 %, a percentage alone with the number of items (counted before the start, a user's S3
 * object's included; when the number is unknown, the largest count Step Functions takes).
 *
 * @param percentage ToleratedFailurePercentage, 0 to 100
 * @param count ToleratedFailureCount, 0 or more
 */
public record FailureTolerance(double percentage, long count) {
  /** The largest ToleratedFailureCount: more items than a Map Run reads from one object. */
  static final long UNBOUNDED_COUNT = 100_000_000L;

  public static FailureTolerance of(ComputeCaseSpec spec, OptionalLong itemCount) {
    Double percentage = spec.getToleratedFailurePercentage();
    Integer count = spec.getToleratedFailureCount();
    // 0 % is also the schema's default, so with a count it means "not given", not "no failure"
    boolean percentageGiven = percentage != null && percentage > 0;
    if (count == null) {
      return new FailureTolerance(
          percentageGiven ? percentage : 0.0, itemCount.orElse(UNBOUNDED_COUNT));
    }
    return new FailureTolerance(percentageGiven ? percentage : 100.0, count);
  }
}
