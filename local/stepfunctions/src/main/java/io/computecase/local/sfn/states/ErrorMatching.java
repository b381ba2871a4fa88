package io.computecase.local.sfn.states;

import java.util.List;

/**
 * How ErrorEquals names match an error, including the States.ALL and States.TaskFailed wildcards.
 */
public final class ErrorMatching {
  private ErrorMatching() {}

  /** Errors that end the execution whatever Retry or Catch say. */
  public static boolean isTerminal(String error) {
    return "States.Runtime".equals(error) || "States.DataLimitExceeded".equals(error);
  }

  static boolean matches(List<String> errorEquals, String error) {
    if (isTerminal(error)) {
      return errorEquals.contains(error);
    }
    for (String name : errorEquals) {
      if (name.equals("States.ALL") || name.equals(error)) {
        return true;
      }
      if (name.equals("States.TaskFailed") && !"States.Timeout".equals(error)) {
        return true;
      }
    }
    return false;
  }
}
