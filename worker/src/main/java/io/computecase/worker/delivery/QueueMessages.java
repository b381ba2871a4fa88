package io.computecase.worker.delivery;

import io.computecase.common.threads.DaemonThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;

/**
 * Settles the queue's messages: deletes answered ones in batches of up to ten (one thread drains
 * what accumulated while the previous batch was in flight, so batches fill as load grows), extends
 * the visibility of items still computing and releases abandoned ones, in batches too.
 */
public final class QueueMessages implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(QueueMessages.class);
  private static final int SQS_BATCH = 10;
  private static final int DELETERS = 2;

  private final SqsClient sqs;
  private final String queueUrl;
  private final BlockingQueue<String> deletions = new LinkedBlockingQueue<>();
  private final List<Thread> deleters = new ArrayList<>();
  private volatile boolean closing;
  private volatile boolean abandoned;

  public QueueMessages(SqsClient sqs, String queueUrl, String workerId) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    // Two deleters, so one slow batch call does not hold up the next.
    DaemonThreads deleterThreads = new DaemonThreads("computecase-deleter-" + workerId);
    for (int i = 0; i < DELETERS; i++) {
      deleters.add(deleterThreads.start(this::deleteLoop));
    }
  }

  public String queueUrl() {
    return queueUrl;
  }

  /** Deletes the message soon, batched with others. */
  public void delete(String receiptHandle) {
    if (!abandoned) {
      deletions.add(receiptHandle);
    }
  }

  /** Keeps computing items' messages hidden for another {@code seconds}, ten per call. */
  public void extend(List<String> receiptHandles, int seconds) {
    changeVisibility(receiptHandles, seconds, "extend");
  }

  /** Makes messages visible again at once, so another worker takes them without waiting. */
  public void release(List<String> receiptHandles) {
    changeVisibility(receiptHandles, 0, "release");
  }

  private void changeVisibility(List<String> receiptHandles, int seconds, String why) {
    if (abandoned) {
      return; // a halted worker touches its queue no more, as a crashed one could not
    }
    for (int from = 0; from < receiptHandles.size(); from += SQS_BATCH) {
      List<String> slice =
          receiptHandles.subList(from, Math.min(receiptHandles.size(), from + SQS_BATCH));
      List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>(slice.size());
      for (int i = 0; i < slice.size(); i++) {
        entries.add(
            ChangeMessageVisibilityBatchRequestEntry.builder()
                .id("m" + i)
                .receiptHandle(slice.get(i))
                .visibilityTimeout(seconds)
                .build());
      }
      try {
        sqs.changeMessageVisibilityBatch(b -> b.queueUrl(queueUrl).entries(entries))
            .failed()
            .forEach(f -> LOG.debug("Cannot {} a message: {}", why, f.message()));
      } catch (SdkException | IllegalStateException e) {
        LOG.warn("Cannot {} {} messages on {}: {}", why, entries.size(), queueUrl, e.getMessage());
      }
    }
  }

  /** Sends the pending deletions, then stops the deleting threads. */
  @Override
  public void close() {
    closing = true;
    try {
      for (Thread deleter : deleters) {
        deleter.join(TimeUnit.SECONDS.toMillis(30));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Drops the pending deletions, as a crash would. */
  public void abandon() {
    abandoned = true;
    deletions.clear();
    deleters.forEach(Thread::interrupt);
  }

  private void deleteLoop() {
    List<String> batch = new ArrayList<>(SQS_BATCH);
    while (true) {
      String first;
      try {
        first = deletions.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (first == null) {
        if (closing) {
          return; // everything asked for before close() was sent
        }
        continue;
      }
      batch.add(first);
      deletions.drainTo(batch, SQS_BATCH - 1);
      deleteBatch(batch);
      batch.clear();
    }
  }

  private void deleteBatch(List<String> receiptHandles) {
    List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>(receiptHandles.size());
    for (int i = 0; i < receiptHandles.size(); i++) {
      entries.add(
          DeleteMessageBatchRequestEntry.builder()
              .id("m" + i)
              .receiptHandle(receiptHandles.get(i))
              .build());
    }
    try {
      DeleteMessageBatchResponse response =
          sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
      // A failed entry is a message already redelivered elsewhere; its new holder settles it.
      response.failed().forEach(f -> LOG.debug("Delete refused for {}: {}", f.id(), f.message()));
    } catch (SdkException | IllegalStateException e) {
      LOG.warn(
          "Cannot delete {} answered messages on {}: {}", entries.size(), queueUrl, e.getMessage());
    }
  }
}
