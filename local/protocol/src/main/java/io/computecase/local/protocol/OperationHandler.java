package io.computecase.local.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/** Serves one AWS JSON operation: takes the parsed request body, returns the response body. */
@FunctionalInterface
public interface OperationHandler {
  JsonNode handle(JsonNode request);
}
