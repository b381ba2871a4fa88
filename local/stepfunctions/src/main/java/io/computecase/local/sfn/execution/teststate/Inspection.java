package io.computecase.local.sfn.execution.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.execution.PipelineObserver;
import io.computecase.local.sfn.execution.StateFailure;

/**
 * Collects what the tested state's pipeline computed, stage by stage, and what Retry or Catch
 * decided, for TestState's answer.
 */
final class Inspection implements PipelineObserver {
  private volatile JsonNode afterInputPath;
  private volatile JsonNode afterParameters;
  private volatile JsonNode afterArguments;
  private volatile JsonNode result;
  private volatile JsonNode afterResultSelector;
  private volatile JsonNode afterResultPath;
  private volatile Integer retryIndex;
  private volatile double retryBackoffSeconds;
  private volatile Integer catchIndex;
  private volatile StateFailure handled;

  @Override
  public void afterInputPath(JsonNode value) {
    afterInputPath = value;
  }

  @Override
  public void afterParameters(JsonNode value) {
    afterParameters = value;
  }

  @Override
  public void afterArguments(JsonNode value) {
    afterArguments = value;
  }

  @Override
  public void result(JsonNode value) {
    result = value;
  }

  @Override
  public void afterResultSelector(JsonNode value) {
    afterResultSelector = value;
  }

  @Override
  public void afterResultPath(JsonNode value) {
    afterResultPath = value;
  }

  @Override
  public void retriable(int index, double backoffSeconds, StateFailure failure) {
    retryIndex = index;
    retryBackoffSeconds = backoffSeconds;
    handled = failure;
  }

  @Override
  public void caught(int index, StateFailure failure) {
    catchIndex = index;
    handled = failure;
  }

  boolean retriable() {
    return retryIndex != null;
  }

  boolean caught() {
    return catchIndex != null;
  }

  /** The error a Catch handled. */
  StateFailure handled() {
    return handled;
  }

  /**
   * The inspection data: {@code scheduled} is the effective input a Task's service was called with
   * (its TaskScheduled parameters), used when the pipeline did not tell it itself; {@code
   * variables} is null when there are none.
   */
  InspectionData data(JsonNode input, JsonNode variables, JsonNode scheduled, boolean jsonata) {
    JsonNode parameters = afterParameters;
    JsonNode arguments = afterArguments;
    if (scheduled != null && jsonata && arguments == null) {
      arguments = scheduled;
    } else if (scheduled != null && !jsonata && parameters == null) {
      parameters = scheduled;
    }
    InspectionData.ErrorDetails details = null;
    if (retryIndex != null) {
      details =
          new InspectionData.ErrorDetails(null, retryIndex, (int) Math.round(retryBackoffSeconds));
    } else if (catchIndex != null) {
      details = new InspectionData.ErrorDetails(catchIndex, null, null);
    }
    return new InspectionData(
        input,
        afterInputPath,
        parameters,
        arguments,
        result,
        afterResultSelector,
        afterResultPath,
        variables,
        details);
  }
}
