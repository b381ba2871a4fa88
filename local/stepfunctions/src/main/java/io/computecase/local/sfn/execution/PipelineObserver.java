package io.computecase.local.sfn.execution;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Told each stage of one state's input/output pipeline as it is computed, and what Retry or Catch
 * decided: what TestState's DEBUG and TRACE levels show. A walk's state runs tell no one ({@link
 * #NONE}).
 */
public interface PipelineObserver {
  PipelineObserver NONE = new PipelineObserver() {};

  /** The input after InputPath (JSONPath states). */
  default void afterInputPath(JsonNode value) {}

  /** The effective input after Parameters (JSONPath states). */
  default void afterParameters(JsonNode value) {}

  /** The effective input after Arguments (JSONata states). */
  default void afterArguments(JsonNode value) {}

  /** The state's raw result. */
  default void result(JsonNode value) {}

  /** The result after ResultSelector (JSONPath states). */
  default void afterResultSelector(JsonNode value) {}

  /** The result placed into the input by ResultPath (JSONPath states). */
  default void afterResultPath(JsonNode value) {}

  /**
   * The retrier at {@code retryIndex} would retry the failure after {@code backoffSeconds} (before
   * jitter); a run tried once stops there.
   */
  default void retriable(int retryIndex, double backoffSeconds, StateFailure failure) {}

  /** The catcher at {@code catchIndex} caught the failure. */
  default void caught(int catchIndex, StateFailure failure) {}
}
