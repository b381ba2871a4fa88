package io.computecase.local.sfn.execution.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.eval.Evaluation;
import io.computecase.local.sfn.execution.Recovery;
import io.computecase.local.sfn.execution.StateRun;
import io.computecase.local.sfn.execution.Transition;
import io.computecase.local.sfn.execution.tokens.ResumableWait;
import io.computecase.local.sfn.integration.IntegrationPattern;
import io.computecase.local.sfn.integration.TaskResource;
import io.computecase.local.sfn.query.QueryScope;
import io.computecase.local.sfn.states.NumberSource;
import io.computecase.local.sfn.states.StateFields;
import io.computecase.local.sfn.states.TaskState;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a Task state under Retry and Catch: each attempt computes its parameters and timeouts and
 * hands them to a {@link TaskDispatch}.
 */
final class TaskStep {
  private TaskStep() {}

  static CompletableFuture<Transition> run(TaskState state, StateRun run) {
    return Recovery.run(run, state.retriers(), state.catchers(), () -> attempt(state, run));
  }

  private static CompletableFuture<Transition> attempt(TaskState state, StateRun run) {
    TaskResource resource = state.resource();
    StateFields fields = state.fields();
    ResumableWait resumed = run.frame().takeResumedWait();
    if (resumed != null && resource.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
      // Restarted while waiting: the worker already has the event; wait on for the same token.
      return TaskDispatch.resume(run, resource, resumed).thenApply(run::finish);
    }
    String token =
        resource.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN
            ? TaskDispatch.issueToken(run)
            : null;
    JsonNode filtered = run.pathInput();
    QueryScope scope = run.scope(filtered, token, null);
    JsonNode parameters;
    if (fields.jsonata()) {
      parameters =
          fields.arguments() == null
              ? run.input()
              : Evaluation.jsonataTemplate(fields.arguments(), scope, "Arguments");
    } else {
      parameters =
          fields.parameters() == null
              ? filtered
              : Evaluation.payloadTemplate(fields.parameters(), scope);
    }
    Long timeout = seconds(state.timeoutSeconds(), scope);
    Long heartbeat = seconds(state.heartbeatSeconds(), scope);
    return TaskDispatch.dispatch(run, resource, parameters, timeout, heartbeat, token)
        .thenApply(run::finish);
  }

  private static Long seconds(NumberSource source, QueryScope scope) {
    return source == null ? null : (long) source.resolve(scope);
  }
}
