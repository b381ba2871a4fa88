package io.computecase.local.sfn.execution.teststate;

/**
 * How the tested state ended: it succeeded, failed with nothing to handle the error, failed with a
 * Retry that would try it again, or failed with a Catch that handled the error.
 */
public enum TestStatus {
  SUCCEEDED,
  FAILED,
  RETRIABLE,
  CAUGHT_ERROR
}
