package io.computecase.operator.execution;

import io.computecase.api.v1alpha1.ComputeCaseSpec;

/**
 * The two thresholds handed to the Distributed Map. A Map Run fails when either is exceeded, so a
 * threshold the spec does not set is passed as one that cannot be exceeded: a count alone comes
 * with 100 %, a percentage alone with the number of items.
 *
 * @param percentage ToleratedFailurePercentage, 0 to 100
 * @param count ToleratedFailureCount, 0 or more
 */
public record FailureTolerance(double percentage, long count) {

  public static FailureTolerance of(ComputeCaseSpec spec, int itemCount) {
    Double percentage = spec.getToleratedFailurePercentage();
    Integer count = spec.getToleratedFailureCount();
    // 0 % is also the schema's default, so with a count it means "not given", not "no failure"
    boolean percentageGiven = percentage != null && percentage > 0;
    if (count == null) {
      return new FailureTolerance(percentageGiven ? percentage : 0.0, itemCount);
    }
    return new FailureTolerance(percentageGiven ? percentage : 100.0, count);
  }
}
