package io.computecase.local.sfn.execution.tokens;

import com.fasterxml.jackson.databind.JsonNode;

/** How a task waiting for its token ended. */
public sealed interface TaskOutcome {
  /** SendTaskSuccess with this output. */
  record Success(JsonNode output) implements TaskOutcome {}

  /** SendTaskFailure with this error and cause. */
  record Failure(String error, String cause) implements TaskOutcome {}

  /** No heartbeat within HeartbeatSeconds. */
  record HeartbeatTimeout() implements TaskOutcome {}

  /** Not finished within TimeoutSeconds. */
  record Timeout() implements TaskOutcome {}

  /** The execution stopped while the task waited. */
  record Aborted() implements TaskOutcome {}
}
