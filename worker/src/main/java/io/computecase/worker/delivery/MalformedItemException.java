package io.computecase.worker.delivery;

import java.util.Optional;

/**
 * A message the worker cannot compute. With a task token the worker answers SendTaskFailure, so the
 * case learns at once; without one nobody can be told, so the message is left to reach the
 * dead-letter queue after the queue's maxReceiveCount.
 */
public final class MalformedItemException extends Exception {
  private final String taskToken;

  MalformedItemException(String reason, String taskToken) {
    super(reason);
    this.taskToken = taskToken;
  }

  public Optional<String> taskToken() {
    return Optional.ofNullable(taskToken);
  }
}
