package io.computecase.local.sfn.execution.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.errors.EngineError;
import io.computecase.local.sfn.errors.EngineException;
import io.computecase.local.sfn.eval.Evaluation;
import io.computecase.local.sfn.execution.Recovery;
import io.computecase.local.sfn.execution.StateRun;
import io.computecase.local.sfn.execution.Transition;
import io.computecase.local.sfn.integration.IntegrationPattern;
import io.computecase.local.sfn.integration.TaskResource;
import io.computecase.local.sfn.query.QueryScope;
import io.computecase.local.sfn.states.ChoiceState;
import io.computecase.local.sfn.states.FailState;
import io.computecase.local.sfn.states.MapState;
import io.computecase.local.sfn.states.ParallelState;
import io.computecase.local.sfn.states.PassState;
import io.computecase.local.sfn.states.State;
import io.computecase.local.sfn.states.StateFields;
import io.computecase.local.sfn.states.StateVisitor;
import io.computecase.local.sfn.states.SucceedState;
import io.computecase.local.sfn.states.TaskState;
import io.computecase.local.sfn.states.WaitState;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * How TestState runs each type of state: Pass, Wait, Choice, Succeed, Fail and request-response
 * Tasks by their own steps; a mock, when given, stands in for the invocation of a Task, Parallel or
 * Map, whose result (or error) then goes through the same pipeline, Retry and Catch. What TestState
 * refuses (a mock for a state without an invocation, an invocation it cannot run without one) is
 * refused before anything runs.
 */
public final class TrialSteps
    implements StateVisitor<CompletableFuture<Transition>, TrialSteps.Attempt> {

  /** The run to try, and what stands in for its invocation (null: invoke it for real). */
  public record Attempt(StateRun run, Supplier<JsonNode> mock) {}

  /** Tries the run's state once; a refusal is an EngineException thrown before it runs. */
  public CompletableFuture<Transition> run(Attempt attempt) {
    return attempt.run().state().accept(this, attempt);
  }

  @Override
  public CompletableFuture<Transition> pass(PassState state, Attempt attempt) {
    noMock(state, attempt);
    return PassStep.run(state, attempt.run());
  }

  @Override
  public CompletableFuture<Transition> choice(ChoiceState state, Attempt attempt) {
    noMock(state, attempt);
    return ChoiceStep.run(state, attempt.run());
  }

  @Override
  public CompletableFuture<Transition> waitState(WaitState state, Attempt attempt) {
    noMock(state, attempt);
    return WaitStep.run(state, attempt.run());
  }

  @Override
  public CompletableFuture<Transition> succeed(SucceedState state, Attempt attempt) {
    noMock(state, attempt);
    return SucceedStep.run(state, attempt.run());
  }

  @Override
  public CompletableFuture<Transition> fail(FailState state, Attempt attempt) {
    noMock(state, attempt);
    return FailStep.run(state, attempt.run());
  }

  @Override
  public CompletableFuture<Transition> task(TaskState state, Attempt attempt) {
    StateRun run = attempt.run();
    TaskResource resource = state.resource();
    if (attempt.mock() == null) {
      if (resource.service().equals("activity")) {
        throw mockRequired("a Task state whose Resource is an activity");
      }
      if (resource.pattern() != IntegrationPattern.REQUEST_RESPONSE) {
        throw mockRequired(
            "a Task state with the " + resource.pattern().suffix() + " integration pattern");
      }
      return TaskStep.run(state, run);
    }
    return Recovery.run(
        run,
        state.retriers(),
        state.catchers(),
        () -> {
          String token =
              resource.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN
                  ? UUID.randomUUID().toString()
                  : null;
          JsonNode filtered = run.pathInput();
          effectiveInput(state.fields(), run, run.scope(filtered, token, null), filtered);
          return CompletableFuture.completedFuture(run.finish(attempt.mock().get()));
        });
  }

  @Override
  public CompletableFuture<Transition> parallel(ParallelState state, Attempt attempt) {
    if (attempt.mock() == null) {
      throw mockRequired("a Parallel state");
    }
    StateRun run = attempt.run();
    return Recovery.run(
        run,
        state.retriers(),
        state.catchers(),
        () -> {
          JsonNode filtered = run.pathInput();
          effectiveInput(state.fields(), run, run.scope(filtered), filtered);
          return CompletableFuture.completedFuture(run.finish(attempt.mock().get()));
        });
  }

  @Override
  public CompletableFuture<Transition> map(MapState state, Attempt attempt) {
    if (attempt.mock() == null) {
      throw mockRequired("a Map state");
    }
    StateRun run = attempt.run();
    return Recovery.run(
        run,
        state.retriers(),
        state.catchers(),
        () -> {
          run.pathInput();
          return CompletableFuture.completedFuture(run.finish(attempt.mock().get()));
        });
  }

  /**
   * Parameters or Arguments, computed as the state's own step computes them, and told to the
   * observer; a mocked invocation is not given them, but the user sees what it would have been.
   */
  private static void effectiveInput(
      StateFields fields, StateRun run, QueryScope scope, JsonNode filtered) {
    if (fields.jsonata()) {
      JsonNode arguments =
          fields.arguments() == null
              ? run.input()
              : Evaluation.jsonataTemplate(fields.arguments(), scope, "Arguments");
      run.observer().afterArguments(arguments);
    } else {
      JsonNode parameters =
          fields.parameters() == null
              ? filtered
              : Evaluation.payloadTemplate(fields.parameters(), scope);
      run.observer().afterParameters(parameters);
    }
  }

  private static void noMock(State state, Attempt attempt) {
    if (attempt.mock() != null) {
      throw new EngineException(
          EngineError.VALIDATION,
          "A mock can only be specified for Task, Map, or Parallel states; the state under test"
              + " is a "
              + state.fields().type()
              + " state.");
    }
  }

  private static EngineException mockRequired(String what) {
    return new EngineException(
        EngineError.VALIDATION, "TestState can test " + what + " only when a mock is specified.");
  }
}
