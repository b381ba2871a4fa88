package io.computecase.worker.computation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for a real computation: waits {@code parameters.computeMs} (default 5000, the original
 * pattern's figure) on the shared scheduler, so ten thousand waiting items cost no thread. For
 * tests it fails the items listed in {@code parameters.failIndexes}, and a {@code
 * parameters.failureRate} share of the others, chosen by a generator seeded with the item so a
 * redelivered item fails or succeeds again the same way.
 */
public final class SimulateComputation implements Computation {
  static final long DEFAULT_COMPUTE_MS = 5000;

  @Override
  public String name() {
    return "simulate";
  }

  @Override
  public CompletableFuture<JsonNode> compute(ComputationInput input, ComputationEnvironment env) {
    long computeMs = input.longParameter("computeMs", DEFAULT_COMPUTE_MS);
    if (computeMs < 0) {
      throw new ComputationFailure(
          "ComputeCase.InvalidParameter",
          "parameters.computeMs must be 0 or more milliseconds but is " + computeMs);
    }
    boolean fails = failsByIndex(input) || failsByRate(input);
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    Runnable finish =
        () -> {
          if (fails) {
            result.completeExceptionally(
                new ComputationFailure(
                    "ComputeCase.SimulatedFailure",
                    "Item " + input.index() + " failed as the case's parameters asked"));
          } else {
            ObjectNode value = JsonNodeFactory.instance.objectNode();
            value.put("simulatedMs", computeMs);
            result.complete(value);
          }
        };
    if (computeMs == 0) {
      finish.run();
      return result;
    }
    ScheduledFuture<?> timer = env.scheduler().schedule(finish, computeMs, TimeUnit.MILLISECONDS);
    result.whenComplete((value, error) -> timer.cancel(false));
    return result;
  }

  private static boolean failsByIndex(ComputationInput input) {
    JsonNode failIndexes = input.parameters().get("failIndexes");
    if (failIndexes == null || failIndexes.isNull()) {
      return false;
    }
    if (!failIndexes.isArray()) {
      throw ComputationFailure.invalidParameter(
          "failIndexes", "an array of item indexes", failIndexes);
    }
    for (JsonNode index : failIndexes) {
      if (index.canConvertToLong() && index.asLong() == input.index()) {
        return true;
      }
    }
    return false;
  }

  private static boolean failsByRate(ComputationInput input) {
    double rate = input.doubleParameter("failureRate", 0);
    if (rate < 0 || rate > 1) {
      throw new ComputationFailure(
          "ComputeCase.InvalidParameter",
          "parameters.failureRate must be between 0 and 1 but is " + rate);
    }
    if (rate == 0) {
      return false;
    }
    long seed = 31L * String.valueOf(input.requestId()).hashCode() + input.index();
    return new SplittableRandom(seed).nextDouble() < rate;
  }
}
