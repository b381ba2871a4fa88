package io.computecase.local.sfn.execution.teststate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.errors.EngineException;
import io.computecase.local.sfn.execution.Execution;
import io.computecase.local.sfn.execution.MachineRevision;
import io.computecase.local.sfn.execution.PayloadLimits;
import io.computecase.local.sfn.execution.StateFailure;
import io.computecase.local.sfn.execution.StateTrial;
import io.computecase.local.sfn.execution.StepFunctionsEngine;
import io.computecase.local.sfn.execution.Transition;
import io.computecase.local.sfn.execution.history.EventDetails;
import io.computecase.local.sfn.execution.history.HistoryEvent;
import io.computecase.local.sfn.execution.steps.TrialSteps;
import io.computecase.local.sfn.execution.timers.Timers;
import io.computecase.local.sfn.states.State;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * TestState: runs one state once, outside any state machine, through the engine's own steps and
 * pipeline, and tells how it ended (SUCCEEDED, FAILED, RETRIABLE, CAUGHT_ERROR), where it would go
 * next and, at DEBUG and TRACE, each stage of its input and output processing.
 */
public final class StateTester {
  /** How long AWS lets a tested state run before it fails with States.Timeout. */
  public static final Duration LIMIT = Duration.ofMinutes(5);

  /** The name of a state tested on its own (its definition has none): $$.State.Name. */
  public static final String SINGLE_STATE_NAME = "TestState";

  /** The state machine a tested state is said to belong to ($$.StateMachine). */
  static final String MACHINE_NAME = "TestStateMachine";

  private final StepFunctionsEngine engine;
  private final TrialSteps steps = new TrialSteps();

  public StateTester(StepFunctionsEngine engine) {
    this.engine = engine;
  }

  /**
   * Runs the state (parsed from the test's definition) once; an {@link EngineException} when
   * TestState refuses it (a mock where none may be, none where one is needed), before anything
   * runs.
   */
  public StateTestResult test(State state, StateTest test) {
    Inspection inspection = new Inspection();
    Execution execution = execution(test);
    StateTrial trial =
        new StateTrial(
            engine,
            execution,
            state,
            new StateTrial.Options(
                test.variables(), test.retriesSoFar(), inspection, test.context()));
    Supplier<JsonNode> mock = test.mock() == null ? null : test.mock()::invoke;
    CompletableFuture<Transition> pending;
    try {
      pending = steps.run(new TrialSteps.Attempt(trial.run(), mock));
    } catch (EngineException refused) {
      throw refused;
    } catch (RuntimeException e) {
      pending = CompletableFuture.failedFuture(e);
    }
    Transition transition = null;
    StateFailure failure = null;
    try {
      transition = within(pending, trial).join();
    } catch (CompletionException | CancellationException e) {
      failure = trial.run().asFailure(e);
    }
    if (transition != null && PayloadLimits.exceeds(transition.output())) {
      failure =
          new StateFailure(
              "States.DataLimitExceeded",
              "The state/task '"
                  + state.name()
                  + "' returned a result with a size exceeding the maximum number of bytes service"
                  + " limit.");
    }
    InspectionData data =
        test.level() == InspectionLevel.INFO
            ? null
            : inspection.data(
                test.input(),
                variables(trial),
                scheduledParameters(execution),
                state.fields().jsonata());
    if (failure != null) {
      TestStatus status =
          inspection.retriable() && !failure.error().equals("States.DataLimitExceeded")
              ? TestStatus.RETRIABLE
              : TestStatus.FAILED;
      return new StateTestResult(status, null, failure.error(), failure.cause(), null, data);
    }
    if (inspection.caught()) {
      StateFailure handled = inspection.handled();
      return new StateTestResult(
          TestStatus.CAUGHT_ERROR,
          transition.output(),
          handled.error(),
          handled.cause(),
          transition.next(),
          data);
    }
    return new StateTestResult(
        TestStatus.SUCCEEDED, transition.output(), null, null, transition.next(), data);
  }

  /** The run's outcome, or States.Timeout once LIMIT has passed on the engine's clock. */
  private CompletableFuture<Transition> within(
      CompletableFuture<Transition> pending, StateTrial trial) {
    CompletableFuture<Transition> bounded = new CompletableFuture<>();
    String cause =
        "The state did not finish within the " + LIMIT.toMinutes() + " minutes TestState allows.";
    Timers.Timer timer =
        engine
            .timers()
            .schedule(
                engine.clock().millis() + LIMIT.toMillis(),
                () -> {
                  if (bounded.completeExceptionally(new StateFailure("States.Timeout", cause))) {
                    trial.stop("States.Timeout", cause);
                  }
                });
    pending.whenComplete(
        (transition, failure) -> {
          timer.cancel();
          if (failure != null) {
            bounded.completeExceptionally(failure);
          } else {
            bounded.complete(transition);
          }
        });
    return bounded;
  }

  /** A detached execution of the one state, named as no real one is. */
  private Execution execution(StateTest test) {
    long now = engine.clock().millis();
    String name = UUID.randomUUID().toString();
    MachineRevision revision =
        new MachineRevision(
            engine.arn("stateMachine", MACHINE_NAME),
            MACHINE_NAME,
            test.definitionText(),
            null,
            null,
            test.roleArn(),
            null,
            now);
    return new Execution(
        engine.arn("execution", MACHINE_NAME + ":" + name),
        name,
        revision,
        test.input(),
        now,
        null,
        null);
  }

  private static JsonNode variables(StateTrial trial) {
    Map<String, JsonNode> variables = trial.variables();
    if (variables.isEmpty()) {
      return null;
    }
    ObjectNode node = AwsJson.MAPPER.createObjectNode();
    variables.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(entry -> node.set(entry.getKey(), entry.getValue()));
    return node;
  }

  /** The parameters a Task's service was called with, as its TaskScheduled event recorded them. */
  private static JsonNode scheduledParameters(Execution execution) {
    for (HistoryEvent event : execution.history().events()) {
      if (event.details() instanceof EventDetails.TaskScheduled scheduled) {
        try {
          return AwsJson.MAPPER.readTree(scheduled.parameters());
        } catch (JsonProcessingException e) {
          return null;
        }
      }
    }
    return null;
  }
}
