package io.computecase.local.events.delivery;

import io.computecase.local.events.model.Event;
import io.computecase.local.events.model.ResourceArns;
import io.computecase.local.events.model.Rule;
import io.computecase.local.events.model.Target;
import io.computecase.local.protocol.AwsJsonService;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands matched events to their targets asynchronously: renders each target's input, then queues it
 * on the target's channel (one ordered channel per SQS queue; Step Functions executions in
 * parallel). Failures go to the {@link RetryPlanner}, and from there to dead-letter queues.
 */
public final class DeliveryDispatcher implements AutoCloseable {
  private final AwsJsonService sqs;
  private final AwsJsonService states;

  /** How long a stop waits for accepted events to reach their targets. */
  private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final ThreadPoolExecutor executor;
  private final ScheduledExecutorService timer;
  private final QueueUrls queueUrls;
  private final DeadLetters deadLetters;
  private final RetryPlanner retries;
  private final ConcurrentHashMap<String, SqsQueueChannel> queues = new ConcurrentHashMap<>();
  private final StateMachineChannel stateMachines;

  /**
   * @param sqs the SQS JSON API for queue targets and dead-letter queues, or null when absent
   * @param states the Step Functions JSON API for state machine targets, or null when absent
   */
  public DeliveryDispatcher(
      AwsJsonService sqs, AwsJsonService states, Clock clock, DeliverySettings settings) {
    this.sqs = sqs;
    this.states = states;
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            settings.threads(),
            settings.threads(),
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> daemon(r, "events-delivery-" + threads.incrementAndGet()));
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "events-retry"));
    this.queueUrls = sqs == null ? null : new QueueUrls(sqs);
    this.deadLetters = new DeadLetters(sqs, queueUrls);
    this.retries = new RetryPlanner(clock, settings, timer, deadLetters);
    this.stateMachines = states == null ? null : new StateMachineChannel(states, retries, executor);
    retries.redeliverTo(this::offer);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Whether targets with this ARN can be delivered to (their service is present). */
  public boolean supports(String targetArn) {
    String service = ResourceArns.parse(targetArn).map(ResourceArns.ParsedArn::service).orElse("");
    return ("sqs".equals(service) && sqs != null) || ("states".equals(service) && states != null);
  }

  /** Queues the event for every target of every matched rule; returns at once. */
  public void dispatch(Event event, List<Rule> rules) {
    for (Rule rule : rules) {
      for (Target target : rule.targets()) {
        String payload;
        try {
          payload = target.renderer().render(event, rule.name(), rule.arn());
        } catch (RuntimeException e) {
          retries.failed(
              new Delivery(event, rule, target, "", 0),
              new DeliveryError(
                  "INVALID_JSON", "Cannot render the target's input: " + e.getMessage(), false));
          continue;
        }
        offer(new Delivery(event, rule, target, payload, 0));
      }
    }
  }

  private void offer(Delivery delivery) {
    String arn = delivery.target().arn();
    String service = ResourceArns.parse(arn).map(ResourceArns.ParsedArn::service).orElse("");
    if ("states".equals(service) && stateMachines != null) {
      stateMachines.offer(delivery);
    } else if ("sqs".equals(service) && sqs != null) {
      queues
          .computeIfAbsent(arn, a -> new SqsQueueChannel(a, sqs, queueUrls, retries, executor))
          .offer(delivery);
    } else {
      retries.failed(
          delivery, new DeliveryError("NO_RESOURCE", "No service can deliver to " + arn, false));
    }
  }

  /** Events written to dead-letter queues so far. */
  public long deadLettered() {
    return deadLetters.sent();
  }

  /** Events given up without a dead-letter queue to keep them (or whose queue refused them). */
  public long dropped() {
    return deadLetters.dropped();
  }

  /**
   * Stops delivering. Events already accepted are first delivered (for up to 10 s): PutEvents
   * answered that they were put, and a stack stopped to be restarted keeps its queues, so an item
   * event dropped here would only come back as its task's timeout. Events waiting out a retry
   * backoff are not waited for.
   */
  @Override
  public void close() {
    long deadline = System.nanoTime() + DRAIN_NANOS;
    while (!idle() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    timer.shutdownNow();
    executor.shutdownNow();
  }

  private boolean idle() {
    return queues.values().stream().allMatch(SqsQueueChannel::idle)
        && executor.getActiveCount() == 0
        && executor.getQueue().isEmpty();
  }
}
