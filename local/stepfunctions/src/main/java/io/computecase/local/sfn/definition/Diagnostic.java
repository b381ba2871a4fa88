package io.computecase.local.sfn.definition;

/**
 * One problem found in a definition, as ValidateStateMachineDefinition reports it: severity, code
 * (e.g. {@code SCHEMA_VALIDATION_FAILED}), message and location (a JSON pointer like {@code
 * /States/Work/Next}).
 */
public record Diagnostic(String severity, String code, String message, String location) {

  static Diagnostic error(String code, String message, String location) {
    return new Diagnostic("ERROR", code, message, location);
  }

  /** AWS's wording inside an InvalidDefinition message. */
  public String describe() {
    return code + ": " + message + " at " + location;
  }
}
