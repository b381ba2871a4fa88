package io.computecase.worker.computation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;

/**
 * A computation the worker runs for each item, found by {@link #name()} through {@link
 * java.util.ServiceLoader}: list the implementation in {@code
 * META-INF/services/io.computecase.worker.computation.Computation} to add one in the same JVM.
 *
 * <p>It answers with a future so that a waiting computation holds no thread; CPU-bound work runs on
 * {@link ComputationEnvironment#cpuExecutor()}. The future completes with the item's result (any
 * JSON value), or exceptionally with a {@link ComputationFailure} naming the error and its cause;
 * any other exception is reported as {@code ComputeCase.ComputationError}. The worker cancels the
 * future when the item is abandoned (shutdown, task no longer waiting), and an implementation that
 * holds resources (a process) should stop them then.
 */
public interface Computation {
  /** The name chosen with {@code COMPUTECASE_COMPUTATION}, e.g. {@code simulate}. */
  String name();

  /** Starts computing one item; must not block the calling thread. */
  CompletableFuture<JsonNode> compute(ComputationInput input, ComputationEnvironment environment);
}
