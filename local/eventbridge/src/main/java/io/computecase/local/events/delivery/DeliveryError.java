package io.computecase.local.events.delivery;

import io.computecase.local.protocol.AwsServiceException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Why a delivery failed, as the ERROR_CODE and ERROR_MESSAGE EventBridge writes on dead-lettered
 * messages, and whether retrying can help. As on AWS, a target that does not exist or refuses the
 * request is not retried: only throttling, connection and server-side failures are.
 */
public record DeliveryError(String code, String message, boolean retriable) {
  private static final Set<String> MISSING =
      Set.of(
          "QueueDoesNotExist",
          "AWS.SimpleQueueService.NonExistentQueue",
          "NonExistentQueue",
          "StateMachineDoesNotExist",
          "StateMachineDeleting",
          "ResourceNotFoundException");
  private static final Set<String> THROTTLED =
      Set.of(
          "Throttling",
          "ThrottlingException",
          "RequestThrottled",
          "TooManyRequestsException",
          "ExecutionLimitExceeded",
          "KmsThrottled");
  private static final Set<String> DENIED =
      Set.of("AccessDenied", "AccessDeniedException", "KmsAccessDenied");

  /** Classifies a failed call to a target's service. */
  public static DeliveryError of(RuntimeException failure) {
    if (failure instanceof AwsServiceException aws) {
      String code = aws.code();
      String message = code + ": " + aws.getMessage();
      if (MISSING.contains(code)) {
        return new DeliveryError("NO_RESOURCE", message, false);
      }
      if (THROTTLED.contains(code)) {
        return new DeliveryError("THROTTLING", message, true);
      }
      if (DENIED.contains(code)) {
        return new DeliveryError("NO_PERMISSIONS", message, false);
      }
      if ("ExecutionAlreadyExists".equals(code)) {
        return new DeliveryError("RESOURCE_ALREADY_EXISTS", message, false);
      }
      if (aws.httpStatus() >= 500) {
        return new DeliveryError("INTERNAL_ERROR", message, true);
      }
      return new DeliveryError("INVALID_PARAMETER", message, false);
    }
    if (failure instanceof UncheckedIOException) {
      return new DeliveryError("CONNECTION_FAILURE", String.valueOf(failure.getMessage()), true);
    }
    return new DeliveryError("UNKNOWN", String.valueOf(failure), true);
  }

  /** A failed entry of a SendMessageBatch answer: the sender's fault is not worth retrying. */
  static DeliveryError ofBatchEntry(String code, String message, boolean senderFault) {
    return new DeliveryError(
        senderFault ? "INVALID_PARAMETER" : "INTERNAL_ERROR", code + ": " + message, !senderFault);
  }
}
