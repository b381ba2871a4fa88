package io.computecase.local.sfn.execution.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.execution.Frame;
import io.computecase.local.sfn.execution.StateFailure;
import io.computecase.local.sfn.execution.StateRun;
import io.computecase.local.sfn.execution.StepFunctionsEngine;
import io.computecase.local.sfn.execution.history.EventDetails;
import io.computecase.local.sfn.execution.tokens.ResumableWait;
import io.computecase.local.sfn.execution.tokens.TaskOutcome;
import io.computecase.local.sfn.execution.tokens.TaskTokenRegistry;
import io.computecase.local.sfn.execution.tokens.WaitingTask;
import io.computecase.local.sfn.integration.IntegrationFailure;
import io.computecase.local.sfn.integration.IntegrationPattern;
import io.computecase.local.sfn.integration.ServiceIntegration;
import io.computecase.local.sfn.integration.TaskCall;
import io.computecase.local.sfn.integration.TaskResource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Runs one Task attempt against its service integration and records AWS's task events:
 * TaskScheduled, TaskStarted, then TaskSucceeded, or TaskSubmitted and a wait for the token, ending
 * in TaskSucceeded, TaskFailed or TaskTimedOut.
 */
final class TaskDispatch {
  private final StateRun run;
  private final TaskResource resource;
  private final Frame frame;

  private TaskDispatch(StateRun run, TaskResource resource) {
    this.run = run;
    this.resource = resource;
    this.frame = run.frame();
  }

  /** A fresh token for a .waitForTaskToken task, to put into its context before parameters. */
  static String issueToken(StateRun run) {
    return run.frame().engine().tokens().issue();
  }

  /** Calls the service; completes with the task's result, or fails with a StateFailure. */
  static CompletableFuture<JsonNode> dispatch(
      StateRun run,
      TaskResource resource,
      JsonNode parameters,
      Long timeoutSeconds,
      Long heartbeatSeconds,
      String token) {
    return new TaskDispatch(run, resource)
        .start(parameters, timeoutSeconds, heartbeatSeconds, token);
  }

  private CompletableFuture<JsonNode> start(
      JsonNode parameters, Long timeoutSeconds, Long heartbeatSeconds, String token) {
    StepFunctionsEngine engine = frame.engine();
    frame.record(
        "TaskScheduled",
        new EventDetails.TaskScheduled(
            resource.resourceType(),
            resource.resourceName(),
            engine.region(),
            parameters.toString(),
            timeoutSeconds,
            heartbeatSeconds));
    ServiceIntegration integration = engine.integration(resource.service());
    if (integration == null
        || !integration.patterns(resource.action()).contains(resource.pattern())) {
      String cause =
          integration == null
              ? "The resource '"
                  + resource.arn()
                  + "' cannot be reached: no '"
                  + resource.service()
                  + "' service is configured for this engine."
              : "The resource '"
                  + resource.arn()
                  + "' is not supported by the service integration.";
      return fail("TaskStartFailed", "States.Runtime", cause);
    }
    frame.record(
        "TaskStarted",
        new EventDetails.TaskStarted(resource.resourceType(), resource.resourceName()));
    long heartbeatMillis = heartbeatSeconds == null ? 0 : heartbeatSeconds * 1000;
    WaitingTask waiting = new WaitingTask(heartbeatMillis);
    TaskTokenRegistry tokens = engine.tokens();
    long now = engine.clock().millis();
    Runnable abort =
        await(waiting, token, timeoutSeconds == null ? 0 : now + timeoutSeconds * 1000);
    if (token != null && heartbeatSeconds != null) {
      engine.heartbeats().restart(waiting, token);
    }
    TaskCall call =
        new TaskCall(
            resource.action(),
            resource.pattern(),
            parameters,
            frame.execution().arn(),
            frame.execution().revision().stateMachineArn(),
            engine.region(),
            engine.accountId());
    CompletableFuture<JsonNode> response;
    try {
      response = integration.call(call);
    } catch (RuntimeException e) {
      response = CompletableFuture.failedFuture(e);
    }
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    response.whenComplete(
        (value, failure) -> {
          if (failure != null) {
            Throwable cause = unwrap(failure);
            String error = cause instanceof IntegrationFailure f ? f.error() : "States.TaskFailed";
            String text =
                cause instanceof IntegrationFailure f
                    ? f.cause()
                    : String.valueOf(cause.getMessage());
            if (waiting.close(new TaskOutcome.Failure(error, text)) && token != null) {
              tokens.remove(token);
            }
          } else if (resource.pattern() != IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
            waiting.close(new TaskOutcome.Success(value));
          } else if (frame.execution().status().open()) {
            frame.record(
                "TaskSubmitted",
                new EventDetails.TaskOutput(
                    resource.resourceType(), resource.resourceName(), value.toString()));
          }
          // Listening only now keeps TaskSubmitted before TaskSucceeded even when the worker
          // answers before the service call returns.
          listen(waiting, abort, result);
        });
    return result;
  }

  /**
   * Waits again, after a restart, on a task that was waiting for its token: same token, same
   * deadlines; the service is not called again (its event was already delivered).
   */
  static CompletableFuture<JsonNode> resume(
      StateRun run, TaskResource resource, ResumableWait wait) {
    return new TaskDispatch(run, resource).resume(wait);
  }

  private CompletableFuture<JsonNode> resume(ResumableWait wait) {
    StepFunctionsEngine engine = frame.engine();
    WaitingTask waiting = new WaitingTask(wait.heartbeatMillis());
    Runnable abort = await(waiting, wait.token(), wait.timeoutDueMillis());
    if (wait.heartbeatDueMillis() > 0) {
      engine.heartbeats().scheduleAt(waiting, wait.token(), wait.heartbeatDueMillis());
    }
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    listen(waiting, abort, result);
    return result;
  }

  /** Registers the wait (token, abort hook, timeout due at the given millis, 0 = none). */
  private Runnable await(WaitingTask waiting, String token, long timeoutDueMillis) {
    StepFunctionsEngine engine = frame.engine();
    TaskTokenRegistry tokens = engine.tokens();
    if (token != null) {
      tokens.register(token, waiting);
      frame.waiting(token, waiting);
    }
    Runnable abort =
        () -> {
          if (waiting.close(new TaskOutcome.Aborted()) && token != null) {
            tokens.remove(token);
          }
        };
    frame.execution().onAbort(abort);
    if (timeoutDueMillis > 0) {
      waiting.timeoutDue(timeoutDueMillis);
      waiting.timeoutTimer(
          engine
              .timers()
              .schedule(timeoutDueMillis, () -> expire(waiting, token, new TaskOutcome.Timeout())));
    }
    return abort;
  }

  private void listen(WaitingTask waiting, Runnable abort, CompletableFuture<JsonNode> result) {
    waiting.whenClosed(
        outcome -> {
          frame.execution().forgetAbort(abort);
          frame.waited(waiting);
          settle(outcome, result);
        });
  }

  private void expire(WaitingTask waiting, String token, TaskOutcome outcome) {
    if (waiting.close(outcome) && token != null) {
      frame.engine().tokens().remove(token);
    }
  }

  private void settle(TaskOutcome outcome, CompletableFuture<JsonNode> result) {
    if (!frame.execution().status().open()) {
      result.completeExceptionally(new StateFailure("States.Aborted", "The execution has ended."));
    } else if (outcome instanceof TaskOutcome.Success success) {
      frame.record(
          "TaskSucceeded",
          new EventDetails.TaskOutput(
              resource.resourceType(), resource.resourceName(), success.output().toString()));
      result.complete(success.output());
    } else if (outcome instanceof TaskOutcome.Failure failure) {
      result.completeExceptionally(failure("TaskFailed", failure.error(), failure.cause()));
    } else if (outcome instanceof TaskOutcome.HeartbeatTimeout) {
      result.completeExceptionally(failure("TaskTimedOut", "States.HeartbeatTimeout", null));
    } else if (outcome instanceof TaskOutcome.Timeout) {
      result.completeExceptionally(failure("TaskTimedOut", "States.Timeout", null));
    } else {
      result.completeExceptionally(new StateFailure("States.Aborted", "The execution has ended."));
    }
  }

  private CompletableFuture<JsonNode> fail(String eventType, String error, String cause) {
    return CompletableFuture.failedFuture(failure(eventType, error, cause));
  }

  private StateFailure failure(String eventType, String error, String cause) {
    frame.record(
        eventType,
        new EventDetails.TaskError(resource.resourceType(), resource.resourceName(), error, cause));
    return new StateFailure(error == null ? "States.TaskFailed" : error, cause);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
