package io.computecase.local.sfn.definition;

import java.util.Map;
import java.util.Set;

/** Which fields each state type accepts, and which belong to only one query language. */
final class StateFieldRules {
  static final Set<String> TYPES =
      Set.of("Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map");

  static final Set<String> JSONPATH_ONLY =
      Set.of(
          "InputPath",
          "OutputPath",
          "Parameters",
          "ResultPath",
          "ResultSelector",
          "ItemsPath",
          "SecondsPath",
          "TimestampPath",
          "ErrorPath",
          "CausePath",
          "TimeoutSecondsPath",
          "HeartbeatSecondsPath",
          "MaxConcurrencyPath",
          "ToleratedFailurePercentagePath",
          "ToleratedFailureCountPath",
          "Result",
          "Iterator");

  static final Set<String> JSONATA_ONLY = Set.of("Arguments", "Output", "Items");

  private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");

  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "Pass",
          Set.of(
              "Next",
              "End",
              "InputPath",
              "OutputPath",
              "Parameters",
              "Result",
              "ResultPath",
              "Output",
              "Assign"),
          "Task",
          Set.of(
              "Next",
              "End",
              "InputPath",
              "OutputPath",
              "Parameters",
              "Arguments",
              "ResultSelector",
              "ResultPath",
              "Output",
              "Assign",
              "Resource",
              "Retry",
              "Catch",
              "TimeoutSeconds",
              "TimeoutSecondsPath",
              "HeartbeatSeconds",
              "HeartbeatSecondsPath",
              "Credentials"),
          "Choice",
          Set.of("InputPath", "OutputPath", "Choices", "Default", "Output", "Assign"),
          "Wait",
          Set.of(
              "Next",
              "End",
              "InputPath",
              "OutputPath",
              "Seconds",
              "Timestamp",
              "SecondsPath",
              "TimestampPath",
              "Output",
              "Assign"),
          "Succeed",
          Set.of("InputPath", "OutputPath", "Output"),
          "Fail",
          Set.of("Error", "ErrorPath", "Cause", "CausePath"),
          "Parallel",
          Set.of(
              "Next",
              "End",
              "InputPath",
              "OutputPath",
              "Parameters",
              "Arguments",
              "ResultSelector",
              "ResultPath",
              "Output",
              "Assign",
              "Retry",
              "Catch",
              "Branches"),
          "Map",
          Set.of(
              "Next",
              "End",
              "InputPath",
              "OutputPath",
              "Parameters",
              "ResultSelector",
              "ResultPath",
              "Output",
              "Assign",
              "Retry",
              "Catch",
              "ItemsPath",
              "Items",
              "ItemSelector",
              "Iterator",
              "ItemProcessor",
              "ItemReader",
              "ItemBatcher",
              "ResultWriter",
              "MaxConcurrency",
              "MaxConcurrencyPath",
              "ToleratedFailurePercentage",
              "ToleratedFailurePercentagePath",
              "ToleratedFailureCount",
              "ToleratedFailureCountPath",
              "Label"));

  private StateFieldRules() {}

  static boolean allowed(String type, String field) {
    return COMMON.contains(field) || ALLOWED.get(type).contains(field);
  }

  /** States that must say where to go next (Next or End). */
  static boolean transitions(String type) {
    return !type.equals("Choice") && !type.equals("Succeed") && !type.equals("Fail");
  }
}
