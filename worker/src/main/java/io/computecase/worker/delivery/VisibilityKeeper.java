package io.computecase.worker.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Keeps the messages of computing items hidden: every third of the visibility timeout, one batched
 * call per ten messages extends those received at least half a tick ago. A message thus never comes
 * within a third of its timeout while its item computes, and short items cost no call.
 */
final class VisibilityKeeper implements AutoCloseable {
  private final PipelineParts parts;
  private final Supplier<Collection<InFlightItem>> inFlight;
  private ScheduledFuture<?> timer;

  VisibilityKeeper(PipelineParts parts, Supplier<Collection<InFlightItem>> inFlight) {
    this.parts = parts;
    this.inFlight = inFlight;
  }

  synchronized void start() {
    long tickMs = Math.max(250L, parts.visibilitySeconds() * 1000L / 3);
    timer =
        parts
            .scheduler()
            .scheduleAtFixedRate(
                () -> parts.upkeep().execute(() -> extend(tickMs)),
                tickMs,
                tickMs,
                TimeUnit.MILLISECONDS);
  }

  private void extend(long tickMs) {
    long receivedBefore = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(tickMs / 2);
    List<String> receipts = new ArrayList<>();
    for (InFlightItem item : inFlight.get()) {
      if (item.startNanos <= receivedBefore) {
        receipts.addAll(item.receiptHandles());
      }
    }
    if (!receipts.isEmpty()) {
      parts.messages().extend(receipts, parts.visibilitySeconds());
    }
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.cancel(false);
    }
  }
}
