package io.computecase.local.sfn.execution;

import com.fasterxml.jackson.databind.JsonNode;

/** Where an execution stands; only Running is open. */
public sealed interface ExecutionStatus {
  /** The one Running value: it carries nothing, so every open execution shares it. */
  ExecutionStatus RUNNING = new Running();

  /** AWS's status name (RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED). */
  String apiName();

  default boolean open() {
    return this instanceof Running;
  }

  /** Still running (or waiting on tasks). */
  record Running() implements ExecutionStatus {
    public String apiName() {
      return "RUNNING";
    }
  }

  /** Ended at a terminal state with this output. */
  record Succeeded(JsonNode output) implements ExecutionStatus {
    public String apiName() {
      return "SUCCEEDED";
    }
  }

  /** Ended by an error no Catch handled. */
  record Failed(String error, String cause) implements ExecutionStatus {
    public String apiName() {
      return "FAILED";
    }
  }

  /** Ended by the machine's TimeoutSeconds. */
  record TimedOut(String error, String cause) implements ExecutionStatus {
    public String apiName() {
      return "TIMED_OUT";
    }
  }

  /** Stopped by StopExecution (or by its Map Run failing). */
  record Aborted(String error, String cause) implements ExecutionStatus {
    public String apiName() {
      return "ABORTED";
    }
  }
}
