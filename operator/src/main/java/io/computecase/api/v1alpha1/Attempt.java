package io.computecase.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One finished run of a case's execution, kept when the case is redriven. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Attempt {
  private int attempt;
  private String phase;
  private Long succeeded;
  private Long failed;
  private String completionTime;

  public Attempt() {}

  public Attempt(int attempt, String phase, Long succeeded, Long failed, String completionTime) {
    this.attempt = attempt;
    this.phase = phase;
    this.succeeded = succeeded;
    this.failed = failed;
    this.completionTime = completionTime;
  }

  public int getAttempt() {
    return attempt;
  }

  public void setAttempt(int attempt) {
    this.attempt = attempt;
  }

  public String getPhase() {
    return phase;
  }

  public void setPhase(String phase) {
    this.phase = phase;
  }

  public Long getSucceeded() {
    return succeeded;
  }

  public void setSucceeded(Long succeeded) {
    this.succeeded = succeeded;
  }

  public Long getFailed() {
    return failed;
  }

  public void setFailed(Long failed) {
    this.failed = failed;
  }

  public String getCompletionTime() {
    return completionTime;
  }

  public void setCompletionTime(String completionTime) {
    this.completionTime = completionTime;
  }
}
