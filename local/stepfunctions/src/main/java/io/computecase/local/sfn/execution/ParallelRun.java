package io.computecase.local.sfn.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.definition.StateGraph;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/** A Parallel state's branches, each in its own frame; the first failure fails the state. */
public final class ParallelRun {
  private ParallelRun() {}

  public static CompletableFuture<JsonNode> run(StateRun run, List<StateGraph> branches, JsonNode input) {
    Frame frame = run.frame();
    frame.record("ParallelStateStarted", null);
    JsonNode[] outputs = new JsonNode[branches.size()];
    AtomicReference<StateFailure> firstFailure = new AtomicReference<>();
    CompletableFuture<?>[] all = new CompletableFuture<?>[branches.size()];
    for (int i = 0; i < branches.size(); i++) {
      int index = i;
      Frame branch = frame.branch();
      all[i] =
          GraphWalk.start(branches.get(i), branch, input)
              .handle(
                  (output, failure) -> {
                    if (failure != null) {
                      firstFailure.compareAndSet(null, GraphWalk.asStateFailure(failure));
                    } else {
                      outputs[index] = output;
                    }
                    return null;
                  });
    }
    return CompletableFuture.allOf(all)
        .thenCompose(
            ignored -> {
              StateFailure failure = firstFailure.get();
              if (failure != null) {
                frame.record("ParallelStateFailed", null);
                return CompletableFuture.failedFuture(failure);
              }
              frame.record("ParallelStateSucceeded", null);
              ArrayNode result = AwsJson.MAPPER.createArrayNode();
              for (JsonNode output : outputs) {
                result.add(output);
              }
              return CompletableFuture.completedFuture(result);
            });
  }
}
