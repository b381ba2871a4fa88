package io.computecase.operator.validation;

/** Thrown where a spec problem is found past the validator (e.g. reading a ConfigMap). */
public final class SpecProblemException extends RuntimeException {
  private final SpecProblem problem;

  public SpecProblemException(String reason, String message) {
    super(message);
    this.problem = new SpecProblem(reason, message);
  }

  public SpecProblem problem() {
    return problem;
  }
}
