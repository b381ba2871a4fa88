package io.computecase.local.sfn.execution.map;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/**
 * Runs units 0..n-1 with at most {@code limit} at once (0 = no limit) on a shared executor: each
 * unit's completion starts the next, so no thread waits for a unit. A unit answering false stops
 * the starting of further units.
 */
final class FanOut {
  private final int count;
  private final IntSupplier limit;
  private final IntFunction<CompletableFuture<Boolean>> unit;
  private final Executor executor;
  private final CompletableFuture<Boolean> done = new CompletableFuture<>();
  private int nextIndex;
  private int active;
  private boolean stopped;

  private FanOut(
      int count,
      IntSupplier limit,
      IntFunction<CompletableFuture<Boolean>> unit,
      Executor executor) {
    this.count = count;
    this.limit = limit;
    this.unit = unit;
    this.executor = executor;
  }

  /** Completes with true when every unit ran, false when one stopped the fan-out. */
  static CompletableFuture<Boolean> run(
      int count,
      IntSupplier limit,
      IntFunction<CompletableFuture<Boolean>> unit,
      Executor executor) {
    FanOut fanOut = new FanOut(count, limit, unit, executor);
    fanOut.launchMore();
    return fanOut.done;
  }

  private void launchMore() {
    int from;
    int to;
    synchronized (this) {
      if (stopped || nextIndex >= count) {
        if (active == 0) {
          done.complete(!stopped);
        }
        return;
      }
      int max = limit.getAsInt();
      int room = max <= 0 ? count - nextIndex : Math.max(0, max - active);
      from = nextIndex;
      to = Math.min(count, nextIndex + room);
      nextIndex = to;
      active += to - from;
    }
    for (int i = from; i < to; i++) {
      int index = i;
      executor.execute(
          () -> {
            CompletableFuture<Boolean> started;
            try {
              started = unit.apply(index);
            } catch (RuntimeException e) {
              started = CompletableFuture.completedFuture(false);
            }
            started.whenComplete((ok, failure) -> finished(ok != null && ok && failure == null));
          });
    }
  }

  private void finished(boolean ok) {
    synchronized (this) {
      active--;
      if (!ok) {
        stopped = true;
      }
    }
    launchMore();
  }

  /** Stops starting units (already running ones finish). */
  synchronized void stop() {
    stopped = true;
  }
}
