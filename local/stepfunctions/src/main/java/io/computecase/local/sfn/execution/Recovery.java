package io.computecase.local.sfn.execution;

import io.computecase.local.sfn.states.Catcher;
import io.computecase.local.sfn.states.ErrorMatching;
import io.computecase.local.sfn.states.Retrier;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Retry and Catch for Task, Parallel and Map states: the first retrier whose ErrorEquals matches
 * decides (each retrier counts its own attempts); when none retries, the first matching catcher
 * routes the error output to its Next; otherwise the failure stands.
 */
public final class Recovery {
  private final StateRun run;
  private final List<Retrier> retriers;
  private final List<Catcher> catchers;
  private final Supplier<CompletableFuture<Transition>> attempt;
  private final int[] attempts;
  private int retryCount;

  private Recovery(
      StateRun run,
      List<Retrier> retriers,
      List<Catcher> catchers,
      Supplier<CompletableFuture<Transition>> attempt) {
    this.run = run;
    this.retriers = retriers;
    this.catchers = catchers;
    this.attempt = attempt;
    this.attempts = new int[retriers.size()];
    if (run.once()) {
      // TestState: the retries said to have happened already (stateConfiguration).
      Arrays.fill(attempts, run.retryCount());
    }
  }

  /** Runs the attempt under the state's Retry and Catch rules. */
  public static CompletableFuture<Transition> run(
      StateRun run,
      List<Retrier> retriers,
      List<Catcher> catchers,
      Supplier<CompletableFuture<Transition>> attempt) {
    if (retriers.isEmpty() && catchers.isEmpty()) {
      // Nothing to recover with: no wrapping, which matters to 100,000 waiting tasks.
      try {
        return attempt.get();
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    return new Recovery(run, retriers, catchers, attempt).next();
  }

  private CompletableFuture<Transition> next() {
    CompletableFuture<Transition> tried;
    try {
      tried = attempt.get();
    } catch (RuntimeException e) {
      tried = CompletableFuture.failedFuture(e);
    }
    return tried
        .handle(
            (transition, failure) ->
                failure == null
                    ? CompletableFuture.completedFuture(transition)
                    : recover(run.asFailure(failure)))
        .thenCompose(f -> f);
  }

  private CompletableFuture<Transition> recover(StateFailure failure) {
    if (!run.frame().execution().status().open()) {
      return CompletableFuture.failedFuture(failure);
    }
    String error = failure.error();
    for (int i = 0; i < retriers.size(); i++) {
      Retrier retrier = retriers.get(i);
      if (!retrier.matches(error)) {
        continue;
      }
      if (attempts[i] >= retrier.maxAttempts()) {
        break;
      }
      if (run.once()) {
        run.observer().retriable(i, retrier.delaySeconds(attempts[i]), failure);
        return CompletableFuture.failedFuture(failure);
      }
      double delay = retrier.delaySeconds(attempts[i]);
      if (retrier.fullJitter()) {
        delay = ThreadLocalRandom.current().nextDouble() * delay;
      }
      attempts[i]++;
      retryCount++;
      run.retryCount(retryCount);
      long due = run.now().toEpochMilli() + Math.round(delay * 1000);
      return run.delayUntil(Instant.ofEpochMilli(due)).thenCompose(v -> next());
    }
    if (ErrorMatching.isTerminal(error) && "States.Runtime".equals(error)) {
      return CompletableFuture.failedFuture(failure);
    }
    for (int i = 0; i < catchers.size(); i++) {
      Catcher catcher = catchers.get(i);
      if (catcher.matches(error)) {
        run.observer().caught(i, failure);
        try {
          return CompletableFuture.completedFuture(
              new Transition(
                  catcher.next(),
                  run.caught(
                      error,
                      failure.cause(),
                      catcher.resultPath(),
                      catcher.output(),
                      catcher.assign())));
        } catch (RuntimeException e) {
          return CompletableFuture.failedFuture(e);
        }
      }
    }
    return CompletableFuture.failedFuture(failure);
  }
}
