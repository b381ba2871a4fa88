package io.computecase.local.sfn.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.eval.Evaluation;
import io.computecase.local.sfn.execution.timers.Timers;
import io.computecase.local.sfn.query.QueryException;
import io.computecase.local.sfn.query.QueryScope;
import io.computecase.local.sfn.states.State;
import io.computecase.local.sfn.states.StateFields;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One state's run within a frame: the shared input/output pipeline (InputPath, Parameters or
 * Arguments, ResultSelector, ResultPath, OutputPath or Output, Assign) and the context object.
 */
public final class StateRun {
  private final Frame frame;
  private final State state;
  private final JsonNode input;
  private final long enteredMillis;
  private int retryCount;
  private ObjectNode plainContext;

  private final long enteredEventId;
  // Set only for TestState's run of one state on its own (see StateTrial).
  private PipelineObserver observer = PipelineObserver.NONE;
  private boolean once;
  private ObjectNode givenContext;

  StateRun(Frame frame, State state, JsonNode input, long enteredMillis, long enteredEventId) {
    this.frame = frame;
    this.state = state;
    this.input = input;
    this.enteredMillis = enteredMillis;
    this.enteredEventId = enteredEventId;
  }

  /**
   * Any failure of this state as the ASL error it is; an expression's failure is told as AWS tells
   * it, naming the state and the event that entered it.
   */
  public StateFailure asFailure(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof QueryException query) {
      return new StateFailure(
          query.error(),
          "An error occurred while executing the state '"
              + state.name()
              + "' (entered at the event id #"
              + enteredEventId
              + "). "
              + query.cause());
    }
    return GraphWalk.asStateFailure(cause);
  }

  public Frame frame() {
    return frame;
  }

  public State state() {
    return state;
  }

  /** The state's raw input. */
  public JsonNode input() {
    return input;
  }

  public Instant now() {
    return frame.engine().clock().instant();
  }

  void retryCount(int count) {
    this.retryCount = count;
    this.plainContext = null;
  }

  int retryCount() {
    return retryCount;
  }

  /**
   * Makes this a TestState run: tried once (Retry and Catch tell the observer what they would do),
   * no waiting, each pipeline stage told to the observer, and the given context object if any.
   */
  void trial(PipelineObserver stages, ObjectNode context, int retriesSoFar) {
    this.observer = stages;
    this.once = true;
    this.givenContext = context;
    retryCount(retriesSoFar);
  }

  /** Who is told this run's pipeline stages (no one, outside TestState). */
  public PipelineObserver observer() {
    return observer;
  }

  /** A TestState run: one attempt, told rather than retried. */
  boolean once() {
    return once;
  }

  /** The input after InputPath (JSONPath); the raw input for JSONata states. */
  public JsonNode pathInput() {
    StateFields f = state.fields();
    if (f.jsonata()) {
      return input;
    }
    JsonNode filtered;
    if (f.inputPath() == null) {
      filtered = AwsJson.MAPPER.createObjectNode();
    } else {
      filtered = f.inputPath().equals("$") ? input : Evaluation.select(f.inputPath(), scope(input));
    }
    observer.afterInputPath(filtered);
    return filtered;
  }

  /** The effective input after Parameters (JSONPath), evaluated on the filtered input. */
  public JsonNode parametersApplied(JsonNode filtered) {
    JsonNode parameters = state.fields().parameters();
    JsonNode effective =
        parameters == null ? filtered : Evaluation.payloadTemplate(parameters, scope(filtered));
    observer.afterParameters(effective);
    return effective;
  }

  /** The scope expressions see, with this state's context object. */
  public QueryScope scope(JsonNode scopeInput) {
    if (plainContext == null) {
      plainContext = context(null, null);
    }
    return QueryScope.of(scopeInput, plainContext, frame.variables());
  }

  /** The scope with a task token or a Map item in the context object. */
  public QueryScope scope(JsonNode scopeInput, String taskToken, ObjectNode mapItem) {
    return QueryScope.of(scopeInput, context(taskToken, mapItem), frame.variables());
  }

  /** The context object: Execution, State, StateMachine, and Task/Map members when present. */
  public ObjectNode context(String taskToken, ObjectNode mapItem) {
    if (givenContext != null) {
      ObjectNode given = givenContext.deepCopy();
      if (taskToken != null && !given.has("Task")) {
        given.putObject("Task").put("Token", taskToken);
      }
      return given;
    }
    ObjectNode context = AwsJson.MAPPER.createObjectNode();
    Execution execution = frame.execution();
    context.set("Execution", execution.contextExecution());
    ObjectNode stateNode = context.putObject("State");
    stateNode.put("EnteredTime", ContextTimes.format(enteredMillis));
    stateNode.put("Name", state.name());
    stateNode.put("RetryCount", retryCount);
    ObjectNode machine = context.putObject("StateMachine");
    machine.put("Id", execution.revision().stateMachineArn());
    machine.put("Name", execution.revision().stateMachineName());
    if (taskToken != null) {
      context.putObject("Task").put("Token", taskToken);
    }
    if (mapItem != null) {
      context.putObject("Map").set("Item", mapItem);
    }
    return context;
  }

  /** From the state's result to its transition: the rest of the pipeline, then Assign. */
  public Transition finish(JsonNode result) {
    StateFields f = state.fields();
    observer.result(result);
    JsonNode output;
    if (f.jsonata()) {
      QueryScope scope = scope(input).withResult(result);
      output =
          f.output() == null ? result : Evaluation.jsonataTemplate(f.output(), scope, "Output");
      assign(f.assign(), scope);
    } else {
      JsonNode selected = result;
      if (f.resultSelector() != null) {
        selected = Evaluation.payloadTemplate(f.resultSelector(), scope(result));
      }
      observer.afterResultSelector(selected);
      // Assign and the output are evaluated side by side: an OutputPath that reads a variable
      // sees the value it had before this state's Assign.
      Map<String, JsonNode> updates = assignments(f.assign(), scope(selected));
      JsonNode combined =
          f.resultPath() == null
              ? input
              : Evaluation.applyResultPath(input, f.resultPath(), selected);
      observer.afterResultPath(combined);
      output = outputPath(f, combined);
      frame.variables().putAll(updates);
    }
    return new Transition(f.next(), output == null ? NullNode.getInstance() : output);
  }

  /** For states without a result (Choice, Wait, Succeed): input to output. */
  public Transition passThrough() {
    return passThrough(state.fields().output(), state.fields().assign());
  }

  /** As {@link #passThrough()}, with a matched Choice rule's own Output and Assign. */
  public Transition passThrough(JsonNode outputTemplate, JsonNode assignTemplate) {
    StateFields f = state.fields();
    JsonNode output;
    if (f.jsonata()) {
      QueryScope scope = scope(input);
      output =
          outputTemplate == null
              ? input
              : Evaluation.jsonataTemplate(outputTemplate, scope, "Output");
      assign(assignTemplate, scope);
    } else {
      JsonNode filtered = pathInput();
      Map<String, JsonNode> updates = assignments(assignTemplate, scope(filtered));
      output = outputPath(f, filtered);
      frame.variables().putAll(updates);
    }
    return new Transition(f.next(), output == null ? NullNode.getInstance() : output);
  }

  /** The output after a Catch: the error output placed by the catcher's ResultPath or Output. */
  public JsonNode caught(
      String error,
      String cause,
      String resultPath,
      JsonNode outputTemplate,
      JsonNode assignTemplate) {
    ObjectNode errorOutput = AwsJson.MAPPER.createObjectNode();
    errorOutput.put("Error", error);
    if (cause != null) {
      errorOutput.put("Cause", cause);
    }
    if (state.fields().jsonata()) {
      QueryScope scope = scope(input).withErrorOutput(errorOutput);
      JsonNode output =
          outputTemplate == null
              ? errorOutput
              : Evaluation.jsonataTemplate(outputTemplate, scope, "Output");
      assign(assignTemplate, scope);
      return output == null ? NullNode.getInstance() : output;
    }
    assign(assignTemplate, scope(errorOutput));
    return resultPath == null ? input : Evaluation.applyResultPath(input, resultPath, errorOutput);
  }

  private JsonNode outputPath(StateFields f, JsonNode combined) {
    if (f.outputPath() == null) {
      return AwsJson.MAPPER.createObjectNode();
    }
    return f.outputPath().equals("$")
        ? combined
        : Evaluation.select(f.outputPath(), scope(combined));
  }

  /** Evaluates every Assign value against the variables as they were, then assigns them all. */
  private void assign(JsonNode template, QueryScope scope) {
    frame.variables().putAll(assignments(template, scope));
  }

  /** The values an Assign gives, evaluated against the variables as they are; none assigned yet. */
  private Map<String, JsonNode> assignments(JsonNode template, QueryScope scope) {
    if (template == null) {
      return Map.of();
    }
    JsonNode values =
        state.fields().jsonata()
            ? Evaluation.jsonataTemplate(template, scope, "Assign")
            : Evaluation.payloadTemplate(template, scope);
    Map<String, JsonNode> updates = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = values.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      updates.put(field.getKey(), field.getValue());
    }
    return updates;
  }

  /** Completes when the engine clock reaches the instant (now or past: at once). */
  public CompletableFuture<Void> delayUntil(Instant due) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    // A TestState run does not wait: it reports where the state would go once the wait is over.
    if (once || !due.isAfter(now())) {
      done.complete(null);
      return done;
    }
    Timers.Timer timer =
        frame.engine().timers().schedule(due.toEpochMilli(), () -> done.complete(null));
    Runnable abort = timer::cancel;
    frame.execution().onAbort(abort);
    done.whenComplete((v, e) -> frame.execution().forgetAbort(abort));
    return done;
  }
}
