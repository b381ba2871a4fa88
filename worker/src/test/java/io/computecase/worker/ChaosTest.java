package io.computecase.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChaosTest {
  private final TestingStack stack = new TestingStack(10, 2);

  @AfterEach
  void close() {
    stack.close();
  }

  @Test
  void itemsOfACrashedWorkerAreRedeliveredAndEveryTaskIsAnsweredOnce() {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      tokens.add(stack.sendItem(i, "{\"computeMs\": 400}"));
    }
    Worker crashing = stack.start(stack.workerConfig("crashing").concurrency(20));
    await().atMost(Duration.ofSeconds(20)).until(() -> crashing.counters().inFlight() == 20);

    crashing.halt();

    assertThat(crashing.counters().released()).isZero();
    Worker survivor = stack.start(stack.workerConfig("survivor").concurrency(40));
    await().atMost(Duration.ofSeconds(40)).until(() -> stack.messagesLeft() == 0);
    for (String token : tokens) {
      assertThat(stack.sfn.acceptedFor(token)).hasSize(1);
    }
    long answeredBySurvivor = survivor.counters().succeeded();
    assertThat(crashing.counters().succeeded() + answeredBySurvivor).isEqualTo(40);
    // What the crashed worker held came back after the 2 s visibility timeout.
    assertThat(survivor.counters().redeliveries())
        .isGreaterThanOrEqualTo(20 - crashing.counters().succeeded());
  }
}
