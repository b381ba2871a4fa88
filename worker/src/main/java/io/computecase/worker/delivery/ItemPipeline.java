package io.computecase.worker.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.computecase.worker.computation.Computation;
import io.computecase.worker.computation.ComputationEnvironment;
import io.computecase.worker.observability.WorkerMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * What happens to each received message: unwrap the item, compute it (once per task token, however
 * often it is delivered), keep its message hidden and its task alive while computing, answer Step
 * Functions, and delete the message once the answer is final. Each message holds one of the
 * worker's concurrency slots until then.
 */
public final class ItemPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(ItemPipeline.class);

  private final PipelineParts parts;
  private final Computation computation;
  private final ComputationEnvironment environment;
  private final Semaphore slots;
  private final ItemEventParser parser;
  private final ItemAnswering answering;
  private final ConcurrentHashMap<String, InFlightItem> inFlight = new ConcurrentHashMap<>();
  private final AnsweredTokens answered = new AnsweredTokens(10_000);
  private volatile boolean stopping;
  private final VisibilityKeeper visibility;

  public ItemPipeline(
      PipelineParts parts,
      Computation computation,
      ComputationEnvironment environment,
      Semaphore slots,
      ObjectMapper json) {
    this.parts = parts;
    this.computation = computation;
    this.environment = environment;
    this.slots = slots;
    this.parser = new ItemEventParser(json);
    this.answering = new ItemAnswering(parts, json, this::finished);
    this.visibility = new VisibilityKeeper(parts, inFlight::values);
  }

  /** Takes one received message; it holds one slot, which this pipeline gives back. */
  public void accept(Message message) {
    WorkerMetrics metrics = parts.metrics();
    metrics.received.increment();
    if (ItemEventParser.receiveCount(message) > 1) {
      metrics.redeliveries.increment();
    }
    if (stopping) {
      // A poll that ended after the stop request: hand the message back at once.
      parts.messages().release(List.of(message.receiptHandle()));
      metrics.released.increment();
      slots.release();
      return;
    }
    ItemEvent event;
    try {
      event = parser.parse(message);
    } catch (MalformedItemException e) {
      malformed(message, e);
      return;
    }
    if (answered.contains(event.taskToken())) {
      metrics.duplicates.increment();
      parts.messages().delete(event.receiptHandle());
      slots.release();
      return;
    }
    InFlightItem item = new InFlightItem(event, parts.tracing().start(event, computation.name()));
    InFlightItem running = inFlight.putIfAbsent(event.taskToken(), item);
    if (running != null) {
      item.span.end();
      metrics.duplicates.increment();
      if (!running.join(event.receiptHandle())) {
        parts.messages().delete(event.receiptHandle());
      }
      slots.release();
      return;
    }
    metrics.inFlight.incrementAndGet();
    LOG.debug(
        "Computing item {} of {} (message {})",
        event.index(),
        event.requestId(),
        event.messageId());
    start(item);
  }

  private void start(InFlightItem item) {
    answering.heartbeatWhileComputing(item);
    CompletableFuture<JsonNode> future;
    try {
      future = computation.compute(item.event.input(), environment);
    } catch (RuntimeException e) {
      future = CompletableFuture.failedFuture(e);
    }
    item.computing(future);
    future.whenComplete(
        (result, error) -> {
          if (error instanceof CancellationException
              || (error instanceof CompletionException
                  && error.getCause() instanceof CancellationException)) {
            return; // abandoned: whoever cancelled it settles it
          }
          long nanos = System.nanoTime() - item.startNanos;
          parts.callbacks().execute(() -> answering.answer(item, result, unwrap(error), nanos));
        });
  }

  /** Starts keeping the messages of computing items hidden until they are answered. */
  public void keepMessagesHidden() {
    visibility.start();
  }

  private void malformed(Message message, MalformedItemException e) {
    if (e.taskToken().isEmpty()) {
      parts.metrics().malformed.increment();
      LOG.warn(
          "Leaving malformed message {} for the dead-letter queue: {}",
          message.messageId(),
          e.getMessage());
      slots.release();
      return;
    }
    LOG.warn("Failing the task of malformed message {}: {}", message.messageId(), e.getMessage());
    parts
        .callbacks()
        .execute(
            () -> {
              try {
                answering.answerMalformed(
                    e.taskToken().get(), message.receiptHandle(), e.getMessage());
              } finally {
                slots.release();
              }
            });
  }

  private void finished(InFlightItem item, boolean answerFinal) {
    LOG.debug(
        "Item {} of {} finished, answer final: {}",
        item.event.index(),
        item.event.requestId(),
        answerFinal);
    inFlight.remove(item.event.taskToken(), item);
    if (answerFinal) {
      answered.add(item.event.taskToken());
    }
    parts.metrics().inFlight.decrementAndGet();
    slots.release();
    synchronized (inFlight) {
      inFlight.notifyAll();
    }
  }

  /** Refuses new messages from now on: they are released at once. */
  public void stopAccepting() {
    stopping = true;
  }

  /** Waits until nothing is in flight or the time is up; true when nothing is. */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (inFlight) {
      while (!inFlight.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        inFlight.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
    }
    return true;
  }

  /** Stops computing what is still in flight and makes its messages visible again at once. */
  public int abandonAll() {
    return abandonAll(true);
  }

  /**
   * Stops computing what is still in flight. Released messages are visible again at once; kept ones
   * come back only after their visibility timeout, as when a worker crashes.
   */
  public int abandonAll(boolean release) {
    List<String> abandoned = new ArrayList<>();
    for (InFlightItem item : inFlight.values()) {
      if (item.settle(true)) {
        abandoned.addAll(item.receiptHandles());
        item.span.setAttribute("computecase.answer", release ? "RELEASED" : "DROPPED");
        item.span.end();
        inFlight.remove(item.event.taskToken(), item);
        parts.metrics().inFlight.decrementAndGet();
        if (release) {
          parts.metrics().released.increment();
        }
        slots.release();
      }
    }
    if (release) {
      parts.messages().release(abandoned);
    }
    return abandoned.size();
  }

  /** Stops the pipeline's own timer; the last step of a stop. */
  public void close() {
    visibility.close();
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }
}
