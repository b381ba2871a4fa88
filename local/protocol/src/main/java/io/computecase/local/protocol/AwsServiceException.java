package io.computecase.local.protocol;

/**
 * An error a local AWS service answers with: the AWS error code (the {@code __type} of the JSON
 * error shape), the HTTP status AWS uses for it, and the human message.
 */
public class AwsServiceException extends RuntimeException {
  private final String code;
  private final int httpStatus;

  public AwsServiceException(String code, int httpStatus, String message) {
    super(message);
    this.code = code;
    this.httpStatus = httpStatus;
  }

  /** A client error (HTTP 400), the status AWS uses for almost every modelled error. */
  public AwsServiceException(String code, String message) {
    this(code, 400, message);
  }

  public String code() {
    return code;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** AWS's generic request-validation error, worded like AWS's own validation messages. */
  public static AwsServiceException validation(String message) {
    return new AwsServiceException("ValidationException", message);
  }
}
