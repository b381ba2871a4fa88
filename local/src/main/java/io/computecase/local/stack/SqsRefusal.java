package io.computecase.local.stack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import java.nio.charset.StandardCharsets;

/**
 * An SQS request the front answers itself, with the error SQS answers it: the {@code __type} of
 * SQS's JSON error shape, the HTTP status and, for SQS's own errors, the {@code x-amzn-query-error}
 * header from which SDKs read the error code of SQS's older protocol.
 *
 * <p>The SDK v2 picks the modelled exception from {@code __type} (after its {@code #}) and reports
 * the header's code as the error code, so an empty batch becomes an {@code
 * EmptyBatchRequestException}, and a mistyped member an {@code SqsException} whose code is {@code
 * SerializationException}.
 */
final class SqsRefusal extends Exception {
  private static final long serialVersionUID = 1L;

  private final String type;
  private final String queryError;
  private final int status;

  private SqsRefusal(String type, String queryError, int status, String message) {
    // answers, not failures: no stack trace to fill for each malformed request
    super(message, null, false, false);
    this.type = type;
    this.queryError = queryError;
    this.status = status;
  }

  /** A body that is not JSON, not one object, or has a member of the wrong JSON type. */
  static SqsRefusal serialization(String message) {
    return new SqsRefusal("com.amazon.coral.service#SerializationException", null, 400, message);
  }

  /** An {@code X-Amz-Target} that is missing or names no SQS operation. */
  static SqsRefusal unknownOperation(String message) {
    return new SqsRefusal("com.amazon.coral.service#UnknownOperationException", null, 400, message);
  }

  /**
   * A request without a member SQS requires: the common error {@code MissingParameter} of the SQS
   * API reference. Its JSON {@code __type} is not documented; it follows SQS's other errors.
   */
  static SqsRefusal missingParameter(String member, String where) {
    return new SqsRefusal(
        "com.amazonaws.sqs#MissingParameter",
        "MissingParameter;Sender",
        400,
        "The request must contain the parameter " + member + where + ".");
  }

  /** A batch operation with no entries. */
  static SqsRefusal emptyBatch(String entryType) {
    return new SqsRefusal(
        "com.amazonaws.sqs#EmptyBatchRequest",
        "AWS.SimpleQueueService.EmptyBatchRequest;Sender",
        400,
        "There should be at least one " + entryType + " in the request.");
  }

  /**
   * A body larger than any SQS request, refused before it is all read. SQS documents no error for
   * it; the local AWS servers answer it this way too.
   */
  static SqsRefusal tooLarge(int maxBytes) {
    return new SqsRefusal(
        "RequestEntityTooLargeException",
        null,
        413,
        "Request body over " + maxBytes + " bytes: no SQS request is that large");
  }

  /** ElasticMQ could not be reached, or did not answer in time. */
  static SqsRefusal unavailable(String message) {
    return new SqsRefusal("ServiceUnavailable", null, 503, message);
  }

  /** The {@code __type}, e.g. {@code com.amazonaws.sqs#EmptyBatchRequest}. */
  String type() {
    return type;
  }

  /** The {@code x-amzn-query-error} header's value, or null when SQS sends none. */
  String queryError() {
    return queryError;
  }

  int status() {
    return status;
  }

  /** SQS's JSON error shape: {@code {"__type": ..., "message": ...}}. */
  byte[] body() {
    ObjectNode error = AwsJson.MAPPER.createObjectNode();
    error.put("__type", type);
    error.put("message", getMessage());
    return error.toString().getBytes(StandardCharsets.UTF_8);
  }
}
