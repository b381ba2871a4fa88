package io.computecase.local.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An AWS service reached through its JSON protocol: one call, one operation. Local engines call
 * each other through this (a service integration of Step Functions, an EventBridge target), either
 * in process ({@link AwsJsonServer#invoke}) or over HTTP ({@link AwsJsonHttpClient}); either way a
 * failure is an {@link AwsServiceException} carrying AWS's error code.
 */
@FunctionalInterface
public interface AwsJsonService {
  JsonNode invoke(String operation, JsonNode request);

  /**
   * Whether {@code operation} may block its caller (wait on a long poll, a synchronous execution,
   * another server). One that doesn't (a task token's answer, a put of events) is short and can be
   * called on any thread, an event loop included, without a hand-off to a blocking pool.
   */
  default boolean blocks(String operation) {
    return true;
  }
}
