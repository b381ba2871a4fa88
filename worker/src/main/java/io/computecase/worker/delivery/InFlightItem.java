package io.computecase.worker.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.trace.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * One task token this worker is computing, with every message that delivered it (a duplicate
 * delivery joins the first instead of computing again). Exactly one party settles it: the answer
 * once the computation ends, or the shutdown that abandons it.
 */
final class InFlightItem {
  final ItemEvent event;
  final Span span;
  final long startNanos = System.nanoTime();
  private final List<String> receiptHandles = new ArrayList<>(1);
  private final List<Future<?>> timers = new ArrayList<>(2);
  private CompletableFuture<JsonNode> computation;
  private boolean settled;

  InFlightItem(ItemEvent event, Span span) {
    this.event = event;
    this.span = span;
    receiptHandles.add(event.receiptHandle());
  }

  /** Adds a duplicate delivery; false when the item was settled meanwhile. */
  synchronized boolean join(String receiptHandle) {
    if (settled) {
      return false;
    }
    receiptHandles.add(receiptHandle);
    return true;
  }

  synchronized void computing(CompletableFuture<JsonNode> computation) {
    this.computation = computation;
    if (settled) {
      computation.cancel(false);
    }
  }

  synchronized void timer(Future<?> timer) {
    if (settled) {
      timer.cancel(false);
    } else {
      timers.add(timer);
    }
  }

  synchronized List<String> receiptHandles() {
    return List.copyOf(receiptHandles);
  }

  /**
   * Claims the item for whoever ends it, stopping its timers; also cancels the computation when the
   * item is abandoned rather than answered. Returns false when someone else claimed it.
   */
  synchronized boolean settle(boolean abandon) {
    if (settled) {
      return false;
    }
    settled = true;
    timers.forEach(t -> t.cancel(false));
    if (abandon && computation != null) {
      computation.cancel(false);
    }
    return true;
  }
}
