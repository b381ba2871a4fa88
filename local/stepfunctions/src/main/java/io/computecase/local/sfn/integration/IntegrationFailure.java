package io.computecase.local.sfn.integration;

/**
 * A service integration failed: the error name a Catch sees (e.g. SQS.QueueDoesNotExist), and why.
 */
public class IntegrationFailure extends RuntimeException {
  private final String error;
  private final String cause;

  public IntegrationFailure(String error, String cause) {
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
