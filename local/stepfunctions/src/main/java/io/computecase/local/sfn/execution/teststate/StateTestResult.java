package io.computecase.local.sfn.execution.teststate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What TestState answers: the status, the output (when the state succeeded or its error was
 * caught), the error and cause (when it failed), the next state, and at DEBUG and TRACE the
 * inspection data (null at INFO).
 */
public record StateTestResult(
    TestStatus status,
    JsonNode output,
    String error,
    String cause,
    String nextState,
    InspectionData inspection) {}
