package io.computecase.local.sfn.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.execution.history.EventDetails;
import io.computecase.local.sfn.execution.tokens.ResumableWait;
import io.computecase.local.sfn.execution.tokens.WaitingTask;
import java.util.HashMap;
import java.util.Map;

/**
 * One line of control within an execution (the top level, a Parallel branch or an inline Map
 * iteration): its variables and the id of its last history event, which the next event's
 * previousEventId points to. States of one frame run one after another, never at once.
 */
public final class Frame {
  private final StepFunctionsEngine engine;
  private final Execution execution;
  private final Map<String, JsonNode> variables;
  private volatile long lastEventId;
  private volatile String currentState;
  private volatile JsonNode currentInput;
  private volatile boolean cancelled;
  // The task this frame waits on, if any: what a snapshot saves so a restart can wait on.
  private volatile String waitingToken;
  private volatile WaitingTask waiting;
  private volatile ResumableWait resumedWait;

  Frame(
      StepFunctionsEngine engine,
      Execution execution,
      Map<String, JsonNode> variables,
      long lastEventId) {
    this.engine = engine;
    this.execution = execution;
    this.variables = variables;
    this.lastEventId = lastEventId;
  }

  public StepFunctionsEngine engine() {
    return engine;
  }

  public Execution execution() {
    return execution;
  }

  /** The variables this frame sees; assignments here stay in this frame (AWS's scoping). */
  public Map<String, JsonNode> variables() {
    return variables;
  }

  /** Appends an event that follows this frame's last one, and makes it the last. */
  public long record(String type, EventDetails details) {
    long id = execution.history().append(engine.clock().millis(), type, lastEventId, details);
    lastEventId = id;
    engine.changed();
    return id;
  }

  /** A nested frame (branch, iteration) that reads a copy of this frame's variables. */
  public Frame branch() {
    return new Frame(engine, execution, new HashMap<>(variables), lastEventId);
  }

  long lastEventId() {
    return lastEventId;
  }

  /** Stops this branch at its next state: its Parallel or Map has already failed. */
  public void cancel() {
    cancelled = true;
  }

  public boolean cancelled() {
    return cancelled;
  }

  /** The state this frame is in (or last was in) and its input: where a redrive starts again. */
  void current(String state, JsonNode input) {
    this.currentState = state;
    this.currentInput = input;
  }

  String currentState() {
    return currentState;
  }

  JsonNode currentInput() {
    return currentInput;
  }

  /** The task this frame now waits on for a token (null token: none). */
  public void waiting(String token, WaitingTask task) {
    this.waiting = task;
    this.waitingToken = token;
  }

  /** Forgets the wait once it has ended, unless a newer one has replaced it. */
  public void waited(WaitingTask task) {
    if (waiting == task) {
      waiting = null;
      waitingToken = null;
    }
  }

  /** The open wait as a snapshot keeps it, or null. */
  ResumableWait openWait() {
    WaitingTask task = waiting;
    String token = waitingToken;
    if (task == null || token == null || task.closed()) {
      return null;
    }
    return new ResumableWait(
        token, task.timeoutDueMillis(), task.heartbeatDueMillis(), task.heartbeatMillis());
  }

  /** A wait restored from a snapshot, for the resumed Task to take instead of dispatching. */
  void resumeWait(ResumableWait wait) {
    this.resumedWait = wait;
  }

  /** The restored wait, once: only the first attempt after the restart waits on it. */
  public ResumableWait takeResumedWait() {
    ResumableWait wait = resumedWait;
    if (wait != null) {
      resumedWait = null;
    }
    return wait;
  }
}
