package io.computecase.local.sfn.execution.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.execution.Frame;
import io.computecase.local.sfn.execution.GraphWalk;
import io.computecase.local.sfn.execution.StateRun;
import io.computecase.local.sfn.execution.history.EventDetails;
import io.computecase.local.sfn.states.MapState;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/** An inline Map: iterations in this execution, each in its own frame, with its own events. */
final class InlineMapRun {
  private InlineMapRun() {}

  static CompletableFuture<JsonNode> run(
      StateRun run, MapState map, MapUnits units, int maxConcurrency) {
    Frame frame = run.frame();
    String name = map.name();
    frame.record("MapStateStarted", new EventDetails.MapStateStarted(units.size()));
    JsonNode[] outputs = new JsonNode[units.size()];
    Queue<Frame> iterations = new ConcurrentLinkedQueue<>();
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    AtomicBoolean failed = new AtomicBoolean();
    FanOut.run(
            units.size(),
            () -> maxConcurrency,
            index -> {
              if (failed.get()) {
                return CompletableFuture.completedFuture(false);
              }
              Frame iteration = frame.branch();
              iterations.add(iteration);
              iteration.record("MapIterationStarted", new EventDetails.MapIteration(name, index));
              return GraphWalk.start(map.settings().processor(), iteration, units.unit(index))
                  .handle(
                      (output, failure) -> {
                        if (failure != null) {
                          if (!iteration.cancelled()) {
                            iteration.record(
                                "MapIterationFailed", new EventDetails.MapIteration(name, index));
                          }
                          if (failed.compareAndSet(false, true)) {
                            // AWS ends every other iteration as soon as one fails.
                            iterations.forEach(Frame::cancel);
                            frame.record("MapStateFailed", null);
                            result.completeExceptionally(GraphWalk.asStateFailure(failure));
                          }
                          return false;
                        }
                        outputs[index] = output;
                        iteration.record(
                            "MapIterationSucceeded", new EventDetails.MapIteration(name, index));
                        return true;
                      });
            },
            frame.engine().executor())
        .thenAccept(
            allRan -> {
              if (allRan && !failed.get()) {
                frame.record("MapStateSucceeded", null);
                ArrayNode array = AwsJson.MAPPER.createArrayNode();
                for (JsonNode output : outputs) {
                  array.add(output);
                }
                result.complete(array);
              }
            });
    return result;
  }
}
