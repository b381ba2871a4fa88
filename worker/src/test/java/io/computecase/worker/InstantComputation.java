package io.computecase.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.computecase.worker.computation.Computation;
import io.computecase.worker.computation.ComputationEnvironment;
import io.computecase.worker.computation.ComputationInput;
import java.util.concurrent.CompletableFuture;

/** A computation plugged in through the SPI by the tests: answers at once, whatever the item. */
public final class InstantComputation implements Computation {
  @Override
  public String name() {
    return "instant";
  }

  @Override
  public CompletableFuture<JsonNode> compute(ComputationInput input, ComputationEnvironment env) {
    return CompletableFuture.completedFuture(
        JsonNodeFactory.instance.objectNode().put("plugin", "instant").put("index", input.index()));
  }
}
