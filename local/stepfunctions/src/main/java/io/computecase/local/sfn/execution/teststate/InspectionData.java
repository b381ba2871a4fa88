package io.computecase.local.sfn.execution.teststate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What DEBUG and TRACE tell of the tested state, as AWS's InspectionData shape: the raw input, each
 * stage of the pipeline that ran (null when it did not), the variables after the state, and how
 * Retry or Catch handled an error. The Map-only members (afterItemsPath, afterItemSelector, ...)
 * and the HTTP request and response are not told by this engine.
 */
public record InspectionData(
    JsonNode input,
    JsonNode afterInputPath,
    JsonNode afterParameters,
    JsonNode afterArguments,
    JsonNode result,
    JsonNode afterResultSelector,
    JsonNode afterResultPath,
    JsonNode variables,
    ErrorDetails errorDetails) {

  /** How an error was handled: the Catch or Retry index, and a retry's backoff. */
  public record ErrorDetails(Integer catchIndex, Integer retryIndex, Integer retryBackoffSeconds) {}
}
