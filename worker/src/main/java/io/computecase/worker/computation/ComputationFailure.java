package io.computecase.worker.computation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A computation's definitive failure for one item, answered to Step Functions as SendTaskFailure
 * with this {@link #error()} code and the message as its cause.
 */
public class ComputationFailure extends RuntimeException {
  private final String error;

  public ComputationFailure(String error, String cause) {
    super(cause);
    this.error = error;
  }

  /** The error code Step Functions records, e.g. {@code ComputeCase.ExecFailed}. */
  public String error() {
    return error;
  }

  /** The failure to report for whatever a computation's future failed with. */
  public static ComputationFailure of(Throwable error) {
    if (error instanceof ComputationFailure failure) {
      return failure;
    }
    return new ComputationFailure("ComputeCase.ComputationError", String.valueOf(error));
  }

  static ComputationFailure invalidParameter(String name, String expected, JsonNode actual) {
    return new ComputationFailure(
        "ComputeCase.InvalidParameter",
        "parameters."
            + name
            + " must be "
            + expected
            + " but is "
            + actual
            + "; fix it in the ComputeCase's spec.parameters");
  }
}
