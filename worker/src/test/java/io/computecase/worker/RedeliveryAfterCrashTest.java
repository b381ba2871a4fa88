package io.computecase.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedeliveryAfterCrashTest {
  private final TestingStack stack = new TestingStack(5, 2);

  @AfterEach
  void close() {
    stack.close();
  }

  @Test
  void anItemWhoseWorkerDiedIsRedeliveredAfterTheVisibilityTimeoutAndCompletes() {
    String token = stack.sendItem(0, "{\"computeMs\": 0}");
    // A worker that received the message and was killed (no SIGTERM): it never answers nor deletes.
    assertThat(stack.sqs.receiveMessage(b -> b.queueUrl(stack.queueUrl)).messages()).hasSize(1);

    Worker survivor = stack.start(stack.workerConfig("w2"));

    await().atMost(Duration.ofSeconds(30)).until(() -> survivor.counters().succeeded() == 1);
    assertThat(stack.sfn.acceptedFor(token)).hasSize(1);
    assertThat(survivor.counters().redeliveries()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(10)).until(() -> stack.messagesLeft() == 0);
  }
}
