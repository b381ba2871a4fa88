package io.computecase.local.sfn.errors;

/** A request the engine refuses, with the AWS error it corresponds to and AWS's wording. */
public class EngineException extends RuntimeException {
  private final EngineError error;

  public EngineException(EngineError error, String message) {
    super(message, null, false, false);
    this.error = error;
  }

  public EngineError error() {
    return error;
  }
}
