package io.computecase.local.sfn.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.sfn.execution.history.EventDetails;
import io.computecase.local.sfn.states.State;
import java.util.HashMap;
import java.util.Map;

/**
 * One state run on its own, outside any walk, as TestState runs it: a detached execution (never
 * registered, so no API lists it) whose history starts as a one-state execution's would, and whose
 * run is tried once, does not wait, and tells each pipeline stage to an observer.
 */
public final class StateTrial {
  private final StepFunctionsEngine engine;
  private final Execution execution;
  private final Frame frame;
  private final StateRun run;

  /** What the trial is given besides the state and its input. */
  public record Options(
      Map<String, JsonNode> variables,
      int retriesSoFar,
      PipelineObserver observer,
      ObjectNode context) {}

  public StateTrial(StepFunctionsEngine engine, Execution execution, State state, Options options) {
    this.engine = engine;
    this.execution = execution;
    long now = engine.clock().millis();
    long started =
        execution
            .history()
            .append(
                now,
                "ExecutionStarted",
                0,
                new EventDetails.ExecutionStarted(
                    execution.input(), execution.revision().roleArn()));
    this.frame = new Frame(engine, execution, new HashMap<>(options.variables()), started);
    long entered =
        frame.record(
            state.eventPrefix() + "StateEntered",
            new EventDetails.StateEntered(state.name(), execution.input()));
    this.run = new StateRun(frame, state, execution.input(), now, entered);
    run.trial(options.observer(), options.context(), options.retriesSoFar());
  }

  /** The run to hand to a step. */
  public StateRun run() {
    return run;
  }

  /** The variables once the state has run: those given, and those it assigned. */
  public Map<String, JsonNode> variables() {
    return Map.copyOf(frame.variables());
  }

  /** Ends the trial where it stands (its time is up): what it waits on is cancelled. */
  public void stop(String error, String cause) {
    if (execution.close(new ExecutionStatus.Aborted(error, cause), engine.clock().millis())) {
      for (Runnable hook : execution.takeAbortHooks()) {
        hook.run();
      }
    }
  }
}
