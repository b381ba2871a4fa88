package io.computecase.local.sfn.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.execution.history.EventDetails;
import io.computecase.local.sfn.execution.history.HistoryRecorder;
import io.computecase.local.sfn.query.QueryException;
import io.computecase.local.sfn.states.State;
import io.computecase.local.sfn.states.StateGraph;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Walks a state graph in one frame from its start to an end state: records Entered/Exited, checks
 * the payload quota, and continues at once when a state finished synchronously (a loop, not
 * recursion) or on the engine's executor when it finished later.
 */
public final class GraphWalk {
  private final StateGraph graph;
  private final Frame frame;
  private final Ending done;

  /** Told once how the walk ended: its output, or (output null) the failure. */
  interface Ending {
    void ended(JsonNode output, StateFailure failure);

    default void complete(JsonNode output) {
      ended(output, null);
    }

    default void completeExceptionally(StateFailure failure) {
      ended(null, failure);
    }
  }

  private GraphWalk(StateGraph graph, Frame frame, Ending done) {
    this.graph = graph;
    this.frame = frame;
    this.done = done;
  }

  /** Runs the graph; completes with its output or a StateFailure. */
  public static CompletableFuture<JsonNode> start(StateGraph graph, Frame frame, JsonNode input) {
    return startAt(graph, graph.startAt(), frame, input);
  }

  /** Runs the graph from the named state (a redrive resumes where the execution stopped). */
  static CompletableFuture<JsonNode> startAt(
      StateGraph graph, String state, Frame frame, JsonNode input) {
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    walk(
        graph,
        state,
        frame,
        input,
        (output, failure) -> {
          if (failure != null) {
            result.completeExceptionally(failure);
          } else {
            result.complete(output);
          }
        });
    return result;
  }

  /** Runs the graph from the named state and tells {@code ending} how it ended; no future kept. */
  static void walk(StateGraph graph, String state, Frame frame, JsonNode input, Ending ending) {
    new GraphWalk(graph, frame, ending).step(state, input, false);
  }

  /**
   * As {@link #walk}; {@code resumed} continues a state already entered before a restart, so its
   * StateEntered is not recorded twice.
   */
  static void walk(
      StateGraph graph, String state, Frame frame, JsonNode input, boolean resumed, Ending ending) {
    new GraphWalk(graph, frame, ending).step(state, input, resumed);
  }

  private void step(String name, JsonNode input) {
    step(name, input, false);
  }

  private void step(String name, JsonNode input, boolean resumed) {
    String current = name;
    JsonNode currentInput = input;
    boolean enterAgain = !resumed;
    while (true) {
      if (!frame.execution().status().open() || frame.cancelled()) {
        done.completeExceptionally(new StateFailure("States.Aborted", "The execution has ended."));
        return;
      }
      State state = graph.state(current);
      frame.current(current, currentInput);
      long entered =
          enterAgain
              ? frame.record(
                  state.eventPrefix() + "StateEntered",
                  new EventDetails.StateEntered(current, currentInput))
              : frame.lastEventId();
      enterAgain = true;
      StateRun run =
          new StateRun(frame, state, currentInput, frame.engine().clock().millis(), entered);
      CompletableFuture<Transition> pending;
      try {
        pending = frame.engine().stateRunner().run(run);
      } catch (RuntimeException e) {
        pending = CompletableFuture.failedFuture(e);
      }
      if (!pending.isDone()) {
        pending.whenCompleteAsync(
            (transition, failure) -> {
              Transition next = settle(run, transition, failure);
              if (next != null) {
                step(next.next(), next.output());
              }
            },
            frame.engine().executor());
        return;
      }
      Transition transition;
      Throwable failure = null;
      try {
        transition = pending.join();
      } catch (CompletionException e) {
        transition = null;
        failure = e;
      } catch (RuntimeException e) {
        transition = null;
        failure = e;
      }
      Transition next = settle(run, transition, failure);
      if (next == null) {
        return;
      }
      current = next.next();
      currentInput = next.output();
    }
  }

  /** Records the state's end; returns where to go next, or null when the walk is over. */
  private Transition settle(StateRun run, Transition transition, Throwable failure) {
    State state = run.state();
    if (frame.cancelled()) {
      done.completeExceptionally(new StateFailure("States.Aborted", "The branch was stopped."));
      return null;
    }
    if (failure != null) {
      done.completeExceptionally(run.asFailure(failure));
      return null;
    }
    JsonNode output = transition.output();
    if (PayloadLimits.exceeds(output)) {
      done.completeExceptionally(
          new StateFailure(
              "States.DataLimitExceeded",
              "The state/task '"
                  + state.name()
                  + "' returned a result with a size exceeding the maximum number of bytes service"
                  + " limit."));
      return null;
    }
    if (state.recordsExit()) {
      frame.record(
          state.eventPrefix() + "StateExited", new EventDetails.StateExited(state.name(), output));
    }
    if (frame.execution().history().full()) {
      done.completeExceptionally(
          new StateFailure(
              "States.Runtime",
              "The execution reached the maximum number of history events ("
                  + HistoryRecorder.MAX_EVENTS
                  + ")."));
      return null;
    }
    if (transition.next() == null) {
      done.complete(output);
      return null;
    }
    return transition;
  }

  /** Any failure as the ASL error it is. */
  public static StateFailure asStateFailure(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof StateFailure stateFailure) {
      return stateFailure;
    }
    if (cause instanceof QueryException evaluation) {
      return new StateFailure(evaluation.error(), evaluation.cause());
    }
    return new StateFailure("States.Runtime", String.valueOf(cause.getMessage()));
  }
}
