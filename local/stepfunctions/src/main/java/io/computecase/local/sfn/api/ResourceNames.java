package io.computecase.local.sfn.api;

import io.computecase.local.sfn.errors.EngineError;
import io.computecase.local.sfn.errors.EngineException;

/** AWS's rules for state machine and execution names and for Step Functions ARNs. */
final class ResourceNames {
  private static final String FORBIDDEN = " <>{}[]?*\"#%\\^|~`$&,;:/";

  private ResourceNames() {}

  /**
   * 1-80 characters, none of whitespace, brackets, wildcards, punctuation or control characters.
   */
  static String name(String name) {
    boolean valid = name.length() >= 1 && name.length() <= 80;
    for (int i = 0; valid && i < name.length(); i++) {
      char c = name.charAt(i);
      valid = FORBIDDEN.indexOf(c) < 0 && !Character.isWhitespace(c) && !Character.isISOControl(c);
    }
    if (!valid) {
      throw new EngineException(EngineError.INVALID_NAME, "Invalid Name: '" + name + "'");
    }
    return name;
  }

  /** An ARN {@code arn:aws:states:<region>:<account>:<type>:...} of the expected resource type. */
  static String arn(String arn, String expectedType) {
    String[] parts = arn.split(":", 7);
    if (parts.length < 7
        || !parts[0].equals("arn")
        || !parts[2].equals("states")
        || parts[6].isEmpty()) {
      throw new EngineException(EngineError.INVALID_ARN, "Invalid Arn: '" + arn + "'");
    }
    if (!parts[5].equals(expectedType)) {
      throw new EngineException(
          EngineError.INVALID_ARN,
          "Invalid Arn: 'Resource type not valid in this context: " + parts[5] + "'");
    }
    return arn;
  }
}
