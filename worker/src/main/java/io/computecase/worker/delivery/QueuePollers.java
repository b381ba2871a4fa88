package io.computecase.worker.delivery;

import io.computecase.common.threads.DaemonThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * The threads that long-poll the queue. Each asks for only as many messages as the worker has free
 * slots (at most SQS's 10), so the worker never holds a message it cannot start computing; messages
 * it does not hold stay available to other workers.
 *
 * <p>At shutdown the polls are best left to end by themselves: a poll cut short may still be
 * pending at the queue, which then hands it messages nobody reads until their visibility times out.
 * Only when there is no time left are they cut, by closing the pollers' own SQS client (a blocked
 * socket read does not heed interrupts).
 */
public final class QueuePollers {
  private static final Logger LOG = LoggerFactory.getLogger(QueuePollers.class);
  private static final int MAX_MESSAGES = 10;

  private final SqsClient sqs;
  private final String queueUrl;
  private final Optional<Integer> visibilityTimeoutSeconds;
  private final int waitTimeSeconds;
  private final Semaphore slots;
  private final ItemPipeline pipeline;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean stopped;
  private volatile boolean receiving = true;

  public QueuePollers(
      SqsClient sqs,
      String queueUrl,
      Optional<Integer> visibilityTimeoutSeconds,
      int waitTimeSeconds,
      Semaphore slots,
      ItemPipeline pipeline) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.visibilityTimeoutSeconds = visibilityTimeoutSeconds;
    this.waitTimeSeconds = waitTimeSeconds;
    this.slots = slots;
    this.pipeline = pipeline;
  }

  public void start(int count, String workerId) {
    DaemonThreads pollerThreads = new DaemonThreads("computecase-poller-" + workerId);
    for (int i = 0; i < count; i++) {
      threads.add(pollerThreads.start(this::poll));
    }
  }

  /** Asks the pollers to stop once their current poll ends; what it brings is released. */
  public void stopReceiving() {
    stopped = true;
  }

  /**
   * Waits for the pollers to end until the deadline ({@link System#nanoTime()}); true if they did.
   */
  public boolean awaitStopped(long deadlineNanos) throws InterruptedException {
    for (Thread thread : threads) {
      long left = deadlineNanos - System.nanoTime();
      if (left > 0) {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
    }
    return threads.stream().noneMatch(Thread::isAlive);
  }

  /** Cuts the polls still running and frees the pollers' connections. */
  public void cut() throws InterruptedException {
    stopped = true;
    sqs.close();
    threads.forEach(Thread::interrupt);
    for (Thread thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    }
  }

  /** Whether every poller thread runs (liveness). */
  public boolean alive() {
    return !threads.isEmpty() && threads.stream().allMatch(Thread::isAlive);
  }

  /** Whether the last receive reached the queue (readiness). */
  public boolean receiving() {
    return receiving;
  }

  private void poll() {
    while (!stopped) {
      try {
        // Timed, so that a stop request is seen while every slot is busy.
        if (!slots.tryAcquire(200, TimeUnit.MILLISECONDS)) {
          continue;
        }
      } catch (InterruptedException e) {
        return;
      }
      int wanted = 1;
      while (wanted < MAX_MESSAGES && slots.tryAcquire()) {
        wanted++;
      }
      List<Message> messages;
      try {
        messages = receive(wanted);
        receiving = true;
      } catch (AbortedException e) {
        slots.release(wanted);
        return;
      } catch (RuntimeException e) {
        slots.release(wanted);
        if (stopped || Thread.currentThread().isInterrupted()) {
          return; // the poll was cut at shutdown
        }
        receiving = false;
        LOG.warn("Cannot receive from {}: {}; retrying in 1 s", queueUrl, e.getMessage());
        if (!pause()) {
          return;
        }
        continue;
      }
      slots.release(wanted - messages.size());
      messages.forEach(pipeline::accept);
    }
  }

  private List<Message> receive(int maxMessages) {
    ReceiveMessageRequest.Builder request =
        ReceiveMessageRequest.builder()
            .queueUrl(queueUrl)
            .maxNumberOfMessages(maxMessages)
            .waitTimeSeconds(waitTimeSeconds)
            .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
    visibilityTimeoutSeconds.ifPresent(request::visibilityTimeout);
    return sqs.receiveMessage(request.build()).messages();
  }

  private static boolean pause() {
    try {
      Thread.sleep(1000); // a poller's own back-off after a failed receive
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }
}
