package io.computecase.worker.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * The threads that long-poll the queue. Each asks for only as many messages as the worker has
 * free slots (at most SQS's 10), so the worker never holds a message it cannot start computing;
 * messages it does not hold stay available to other workers. The pollers own their SQS client:
 * closing it is what cuts a 20 s long poll short at shutdown, since a blocked socket read does not
 * heed interrupts.
 */
public final class QueuePollers {
  private static final Logger LOG = LoggerFactory.getLogger(QueuePollers.class);
  static final int WAIT_TIME_SECONDS = 20;
  private static final int MAX_MESSAGES = 10;

  private final SqsClient sqs;
  private final String queueUrl;
  private final Optional<Integer> visibilityTimeoutSeconds;
  private final Semaphore slots;
  private final ItemPipeline pipeline;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean stopped;
  private volatile boolean receiving;

  public QueuePollers(
      SqsClient sqs,
      String queueUrl,
      Optional<Integer> visibilityTimeoutSeconds,
      Semaphore slots,
      ItemPipeline pipeline) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.visibilityTimeoutSeconds = visibilityTimeoutSeconds;
    this.slots = slots;
    this.pipeline = pipeline;
  }

  public void start(int count, String workerId) {
    for (int i = 0; i < count; i++) {
      Thread thread = new Thread(this::poll, "computecase-poller-" + workerId + "-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  /**
   * Ends the long polls at once. A poll cut short while its answer was on the wire leaves those
   * messages hidden until their visibility timeout; only a poll that happens to be answered at
   * that instant can be cut short that way.
   */
  public void stop() throws InterruptedException {
    stopped = true;
    threads.forEach(Thread::interrupt);
    sqs.close();
    for (Thread thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(10));
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
      int wanted;
      try {
        slots.acquire();
      } catch (InterruptedException e) {
        return;
      }
      wanted = 1;
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
      } catch (SdkException e) {
        slots.release(wanted);
        if (stopped || Thread.currentThread().isInterrupted()) {
          return;
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
            .waitTimeSeconds(WAIT_TIME_SECONDS)
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
