package io.computecase.local.sfn.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.execution.StateRun;
import java.util.concurrent.CompletableFuture;

/** Pass: hands its input (or its fixed Result) on, reshaped by the pipeline. */
public final class PassState extends State {
  private final JsonNode result;

  public PassState(StateFields fields, JsonNode result) {
    super(fields);
    this.result = result;
  }

  @Override
  public CompletableFuture<Transition> run(StateRun run) {
    if (fields().jsonata()) {
      return CompletableFuture.completedFuture(run.finish(run.input()));
    }
    JsonNode effective = run.parametersApplied(run.pathInput());
    return CompletableFuture.completedFuture(run.finish(result != null ? result : effective));
  }
}
