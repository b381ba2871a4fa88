package io.computecase.local.sfn.execution;

import java.util.concurrent.CompletableFuture;

/**
 * Runs one state within the shared pipeline: what a graph walk calls for every state it enters. The
 * engine is given one when it is built (see the steps package), so that the walk need not know the
 * state types.
 */
public interface StateRunner {
  /** Runs the state of {@code run} on its input; completes with its transition or a failure. */
  CompletableFuture<Transition> run(StateRun run);
}
