package io.computecase.worker.delivery;

/**
 * What Step Functions made of an answer (SendTaskSuccess, SendTaskFailure or SendTaskHeartbeat).
 *
 * @param kind accepted, refused for good, output refused, or not delivered after the retries
 * @param detail the AWS error code and message when not accepted
 */
public record AnswerOutcome(Kind kind, String detail) {
  /** The outcomes the worker acts on differently. */
  public enum Kind {
    ACCEPTED,
    /** The token is no longer waiting (TaskTimedOut, InvalidToken, TaskDoesNotExist). */
    REFUSED,
    /** The token is fine but the output is not (InvalidOutput): answer a failure instead. */
    INVALID_OUTPUT,
    /** Throttled, 5xx or unreachable even after the retries: leave the message for later. */
    UNDELIVERED
  }

  static final AnswerOutcome ACCEPTED = new AnswerOutcome(Kind.ACCEPTED, "");

  /** Whether the item is done with: accepted and refused answers can never change. */
  public boolean isFinal() {
    return kind == Kind.ACCEPTED || kind == Kind.REFUSED;
  }
}
