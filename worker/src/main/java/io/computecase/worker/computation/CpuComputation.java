package io.computecase.worker.computation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * A real CPU-bound computation with a checkable answer: estimates π by Monte Carlo over {@code
 * parameters.iterations} points (default 1,000,000) from a generator seeded with {@code
 * parameters.seed} (default: the item's index), so the same item always gives the same estimate. It
 * runs on the cores-sized executor, which is what makes CPU-bound scaling visible.
 */
public final class CpuComputation implements Computation {
  static final long DEFAULT_ITERATIONS = 1_000_000;
  private static final long MAX_ITERATIONS = 10_000_000_000L;

  @Override
  public String name() {
    return "cpu";
  }

  @Override
  public CompletableFuture<JsonNode> compute(ComputationInput input, ComputationEnvironment env) {
    long iterations = input.longParameter("iterations", DEFAULT_ITERATIONS);
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new ComputationFailure(
          "ComputeCase.InvalidParameter",
          "parameters.iterations must be between 1 and "
              + MAX_ITERATIONS
              + " but is "
              + iterations);
    }
    long seed = input.longParameter("seed", input.index());
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    env.cpuExecutor()
        .execute(
            () -> {
              if (result.isDone()) {
                return; // cancelled while queued
              }
              try {
                result.complete(estimate(iterations, seed, result));
              } catch (CancellationException e) {
                // the worker abandoned the item; nothing to answer
              }
            });
    return result;
  }

  /** The estimate for these inputs; public so that users and tests can check a worker's answer. */
  public static ObjectNode estimate(long iterations, long seed) {
    return estimate(iterations, seed, new CompletableFuture<>());
  }

  private static ObjectNode estimate(long iterations, long seed, CompletableFuture<?> owner) {
    SplittableRandom random = new SplittableRandom(seed);
    long inside = 0;
    for (long i = 0; i < iterations; i++) {
      double x = random.nextDouble();
      double y = random.nextDouble();
      if (x * x + y * y <= 1.0) {
        inside++;
      }
      // Stop promptly when abandoned instead of burning a core on an answer nobody wants.
      if ((i & 0xFFFFF) == 0 && owner.isDone()) {
        throw new CancellationException();
      }
    }
    ObjectNode value = JsonNodeFactory.instance.objectNode();
    value.put("pi", 4.0 * inside / iterations);
    value.put("inside", inside);
    value.put("iterations", iterations);
    value.put("seed", seed);
    return value;
  }
}
