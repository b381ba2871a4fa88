package io.computecase.local.sfn.execution.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.execution.Frame;
import io.computecase.local.sfn.execution.GraphWalk;
import io.computecase.local.sfn.execution.StateRun;
import io.computecase.local.sfn.states.StateGraph;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A Parallel state's branches, each in its own frame; the first failure fails the state. */
final class ParallelRun {
  private ParallelRun() {}

  /** Completes with the branch outputs in order, or fails as soon as one branch fails. */
  static CompletableFuture<JsonNode> run(StateRun run, List<StateGraph> branches, JsonNode input) {
    Frame frame = run.frame();
    frame.record("ParallelStateStarted", null);
    JsonNode[] outputs = new JsonNode[branches.size()];
    Frame[] frames = new Frame[branches.size()];
    for (int i = 0; i < frames.length; i++) {
      frames[i] = frame.branch();
    }
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    AtomicInteger left = new AtomicInteger(branches.size());
    AtomicBoolean failed = new AtomicBoolean();
    if (branches.isEmpty()) {
      frame.record("ParallelStateSucceeded", null);
      result.complete(AwsJson.MAPPER.createArrayNode());
    }
    for (int i = 0; i < branches.size(); i++) {
      int index = i;
      GraphWalk.start(branches.get(i), frames[i], input)
          .whenComplete(
              (output, failure) -> {
                if (failure != null) {
                  if (failed.compareAndSet(false, true)) {
                    // AWS stops the other branches as soon as one fails.
                    for (Frame other : frames) {
                      other.cancel();
                    }
                    frame.record("ParallelStateFailed", null);
                    result.completeExceptionally(GraphWalk.asStateFailure(failure));
                  }
                  return;
                }
                outputs[index] = output;
                if (left.decrementAndGet() == 0 && !failed.get()) {
                  frame.record("ParallelStateSucceeded", null);
                  ArrayNode array = AwsJson.MAPPER.createArrayNode();
                  for (JsonNode each : outputs) {
                    array.add(each);
                  }
                  result.complete(array);
                }
              });
    }
    return result;
  }
}
