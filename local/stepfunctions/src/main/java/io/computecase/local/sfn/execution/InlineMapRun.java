package io.computecase.local.sfn.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.states.MapState;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/** An inline Map: iterations in this execution, each in its own frame, with its own events. */
final class InlineMapRun {
  private InlineMapRun() {}

  static CompletableFuture<JsonNode> run(StateRun run, MapState map, List<JsonNode> units, int maxConcurrency) {
    Frame frame = run.frame();
    String name = map.name();
    frame.record("MapStateStarted", new EventDetails.MapStateStarted(units.size()));
    JsonNode[] outputs = new JsonNode[units.size()];
    AtomicReference<StateFailure> firstFailure = new AtomicReference<>();
    return FanOut.run(
            units.size(),
            () -> maxConcurrency,
            index -> {
              Frame iteration = frame.branch();
              iteration.record("MapIterationStarted", new EventDetails.MapIteration(name, index));
              return GraphWalk.start(map.settings().processor(), iteration, units.get(index))
                  .handle(
                      (output, failure) -> {
                        if (failure != null) {
                          StateFailure stateFailure = GraphWalk.asStateFailure(failure);
                          firstFailure.compareAndSet(null, stateFailure);
                          iteration.record(
                              "MapIterationFailed", new EventDetails.MapIteration(name, index));
                          return false;
                        }
                        outputs[index] = output;
                        iteration.record(
                            "MapIterationSucceeded", new EventDetails.MapIteration(name, index));
                        return true;
                      });
            },
            frame.engine().executor())
        .thenCompose(
            allRan -> {
              StateFailure failure = firstFailure.get();
              if (failure != null) {
                frame.record("MapStateFailed", null);
                return CompletableFuture.failedFuture(failure);
              }
              frame.record("MapStateSucceeded", null);
              ArrayNode result = AwsJson.MAPPER.createArrayNode();
              for (JsonNode output : outputs) {
                result.add(output);
              }
              return CompletableFuture.completedFuture(result);
            });
  }
}
