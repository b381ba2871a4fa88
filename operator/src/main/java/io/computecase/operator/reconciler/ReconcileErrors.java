package io.computecase.operator.reconciler;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Turns what went wrong during a reconcile into a Kubernetes-style reason and a message saying what
 * to do: the one place errors become conditions and Events.
 */
public final class ReconcileErrors {
  private ReconcileErrors() {}

  /** A reason and a human message for an error; the reconcile is retried with backoff. */
  public record Described(String reason, String message) {}

  public static Described describe(Exception error) {
    Throwable e = error;
    while (e.getCause() != null
        && !(e instanceof AwsServiceException)
        && !(e instanceof SdkClientException)) {
      e = e.getCause();
    }
    if (e instanceof AwsServiceException aws) {
      String code = aws.awsErrorDetails() == null ? "" : aws.awsErrorDetails().errorCode();
      String service = aws.awsErrorDetails() == null ? "AWS" : aws.awsErrorDetails().serviceName();
      if (code != null
          && (code.startsWith("AccessDenied")
              || code.equals("UnauthorizedOperation")
              || code.equals("NotAuthorized"))) {
        return new Described(
            "AwsPermissionDenied",
            "AWS refused "
                + service
                + " "
                + aws.awsErrorDetails().sdkHttpResponse().statusCode()
                + ": "
                + aws.awsErrorDetails().errorMessage()
                + "; grant the operator's role the action named there (e.g. states:StartExecution),"
                + " then the operator retries on its own");
      }
      if (aws.isThrottlingException() || aws.statusCode() >= 500) {
        return new Described(
            "AwsUnavailable",
            service
                + " answered "
                + code
                + " ("
                + aws.statusCode()
                + ") after the SDK's retries; the operator retries with backoff");
      }
      return new Described(
          "AwsError",
          service
              + " refused the request: "
              + code
              + " "
              + (aws.awsErrorDetails() == null
                  ? aws.getMessage()
                  : aws.awsErrorDetails().errorMessage()));
    }
    if (e instanceof SdkClientException) {
      return new Described(
          "AwsUnreachable",
          "Cannot reach AWS: "
              + e.getMessage()
              + "; check the COMPUTECASE_*_ENDPOINT settings and the network");
    }
    return new Described("ReconcileError", String.valueOf(error.getMessage()));
  }
}
