package io.computecase.worker.delivery;

import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SfnException;

/**
 * Answers task tokens through Step Functions. The codes AWS documents for a token that is no longer
 * waiting (TaskTimedOut, InvalidToken, TaskDoesNotExist) are final refusals: the item's message can
 * be deleted, since no retry can ever be accepted. Throttling and 5xx are retried with backoff by
 * the client's retry strategy before an answer counts as undelivered.
 */
public final class TaskAnswers {
  static final Set<String> REFUSALS = Set.of("TaskTimedOut", "InvalidToken", "TaskDoesNotExist");
  // SendTaskFailure's documented limits for error and cause.
  static final int MAX_ERROR_LENGTH = 256;
  static final int MAX_CAUSE_LENGTH = 32_768;

  private final SfnClient sfn;

  public TaskAnswers(SfnClient sfn) {
    this.sfn = sfn;
  }

  public AnswerOutcome success(String taskToken, String output) {
    return call(() -> sfn.sendTaskSuccess(b -> b.taskToken(taskToken).output(output)));
  }

  public AnswerOutcome failure(String taskToken, String error, String cause) {
    return call(
        () ->
            sfn.sendTaskFailure(
                b ->
                    b.taskToken(taskToken)
                        .error(truncate(error, MAX_ERROR_LENGTH))
                        .cause(truncate(cause, MAX_CAUSE_LENGTH))));
  }

  public AnswerOutcome heartbeat(String taskToken) {
    return call(() -> sfn.sendTaskHeartbeat(b -> b.taskToken(taskToken)));
  }

  private static AnswerOutcome call(Runnable request) {
    try {
      request.run();
      return AnswerOutcome.ACCEPTED;
    } catch (SfnException e) {
      if (e.awsErrorDetails() == null) {
        return new AnswerOutcome(AnswerOutcome.Kind.UNDELIVERED, String.valueOf(e.getMessage()));
      }
      String code = e.awsErrorDetails().errorCode();
      String detail = code + ": " + e.awsErrorDetails().errorMessage();
      if (REFUSALS.contains(code)) {
        return new AnswerOutcome(AnswerOutcome.Kind.REFUSED, detail);
      }
      if ("InvalidOutput".equals(code)) {
        return new AnswerOutcome(AnswerOutcome.Kind.INVALID_OUTPUT, detail);
      }
      return new AnswerOutcome(AnswerOutcome.Kind.UNDELIVERED, detail);
    } catch (SdkException | IllegalStateException e) {
      // IllegalStateException: the client was closed under an answer by a worker's halt.
      return new AnswerOutcome(AnswerOutcome.Kind.UNDELIVERED, String.valueOf(e.getMessage()));
    }
  }

  private static String truncate(String value, int max) {
    String text = value == null ? "" : value;
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
