package io.computecase.local.sfn.integration.s3;

/** An S3 call failed; the message says what was asked and what S3 answered. */
public class ObjectStoreException extends RuntimeException {
  public ObjectStoreException(String message) {
    super(message);
  }

  public ObjectStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
