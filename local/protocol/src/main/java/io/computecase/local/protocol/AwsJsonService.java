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
}
