package io.computecase.local.sfn.execution;

/** A state (or a whole graph) failed with an ASL error name and cause, as Retry/Catch see it. */
public class StateFailure extends RuntimeException {
  private final String error;
  private final String cause;

  public StateFailure(String error, String cause) {
    super(error + ": " + cause, null, false, false);
    this.error = error;
    this.cause = cause;
  }

  public String error() {
    return error;
  }

  public String cause() {
    return cause;
  }
}
