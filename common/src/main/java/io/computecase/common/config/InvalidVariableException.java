package io.computecase.common.config;

/**
 * An environment variable whose value cannot be used, with a message that names the variable, its
 * value and the fix: {@code NAME='value' is not <what it must be>: set it to <how>}.
 */
public final class InvalidVariableException extends IllegalArgumentException {
  private final String variable;
  private final String value;

  InvalidVariableException(String variable, String value, String expected, String fix) {
    super(variable + "='" + value + "' is not " + expected + ": " + fix);
    this.variable = variable;
    this.value = value;
  }

  public String variable() {
    return variable;
  }

  public String value() {
    return value;
  }
}
