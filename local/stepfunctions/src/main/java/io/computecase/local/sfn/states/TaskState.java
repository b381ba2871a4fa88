package io.computecase.local.sfn.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.definition.Catcher;
import io.computecase.local.sfn.definition.NumberSource;
import io.computecase.local.sfn.definition.Retrier;
import io.computecase.local.sfn.eval.Evaluation;
import io.computecase.local.sfn.execution.Recovery;
import io.computecase.local.sfn.execution.ResumableWait;
import io.computecase.local.sfn.execution.StateRun;
import io.computecase.local.sfn.execution.TaskDispatch;
import io.computecase.local.sfn.integration.IntegrationPattern;
import io.computecase.local.sfn.integration.TaskResource;
import io.computecase.local.sfn.query.QueryScope;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Task: calls a service integration (optionally waiting for a token or a job) under Retry/Catch.
 */
public final class TaskState extends State {
  private final TaskResource resource;
  private final NumberSource timeoutSeconds;
  private final NumberSource heartbeatSeconds;
  private final List<Retrier> retriers;
  private final List<Catcher> catchers;

  public TaskState(
      StateFields fields,
      TaskResource resource,
      NumberSource timeoutSeconds,
      NumberSource heartbeatSeconds,
      List<Retrier> retriers,
      List<Catcher> catchers) {
    super(fields);
    this.resource = resource;
    this.timeoutSeconds = timeoutSeconds;
    this.heartbeatSeconds = heartbeatSeconds;
    this.retriers = List.copyOf(retriers);
    this.catchers = List.copyOf(catchers);
  }

  public TaskResource resource() {
    return resource;
  }

  @Override
  public CompletableFuture<Transition> run(StateRun run) {
    return Recovery.run(run, retriers, catchers, () -> attempt(run));
  }

  private CompletableFuture<Transition> attempt(StateRun run) {
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
    if (fields().jsonata()) {
      parameters =
          fields().arguments() == null
              ? run.input()
              : Evaluation.jsonataTemplate(fields().arguments(), scope, "Arguments");
    } else {
      parameters =
          fields().parameters() == null
              ? filtered
              : Evaluation.payloadTemplate(fields().parameters(), scope);
    }
    Long timeout = seconds(timeoutSeconds, scope);
    Long heartbeat = seconds(heartbeatSeconds, scope);
    return TaskDispatch.dispatch(run, resource, parameters, timeout, heartbeat, token)
        .thenApply(run::finish);
  }

  private static Long seconds(NumberSource source, QueryScope scope) {
    return source == null ? null : (long) source.resolve(scope);
  }

  public List<Catcher> catchers() {
    return catchers;
  }
}
