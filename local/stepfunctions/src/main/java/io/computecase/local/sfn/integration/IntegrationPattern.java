package io.computecase.local.sfn.integration;

/** How a Task waits on its service: not at all, for a job to finish, or for a task token. */
public enum IntegrationPattern {
  REQUEST_RESPONSE(""),
  RUN_JOB(".sync"),
  RUN_JOB_JSON(".sync:2"),
  WAIT_FOR_TASK_TOKEN(".waitForTaskToken");

  private final String suffix;

  IntegrationPattern(String suffix) {
    this.suffix = suffix;
  }

  public String suffix() {
    return suffix;
  }
}
