package io.computecase.local.sfn.definition;

import java.util.List;
import java.util.stream.Collectors;

/** A definition that cannot run, with every diagnostic found. */
public class InvalidDefinitionException extends RuntimeException {
  private final List<Diagnostic> diagnostics;

  public InvalidDefinitionException(List<Diagnostic> diagnostics) {
    super(
        "Invalid State Machine Definition: '"
            + diagnostics.stream().map(Diagnostic::describe).collect(Collectors.joining(", "))
            + "'");
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
