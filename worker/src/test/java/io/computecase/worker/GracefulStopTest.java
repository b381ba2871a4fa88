package io.computecase.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.testing.TestingStepFunctions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GracefulStopTest {
  // A long visibility timeout: only a release can make a message visible again within the test.
  private final TestingStack stack = new TestingStack(5, 300);

  @AfterEach
  void close() {
    stack.close();
  }

  @Test
  void itemsUnfinishedAfterTheGraceAreReleasedAtOnceAndCompletedByAnotherWorker() {
    String token = stack.sendItem(0, "{\"computeMs\": 600000}");
    Worker stopping = stack.start(stack.workerConfig("w1"));
    await().atMost(Duration.ofSeconds(20)).until(() -> stopping.counters().inFlight() == 1);

    stopping.stop(Duration.ofSeconds(2));

    assertThat(stopping.counters().released()).isEqualTo(1);
    assertThat(stack.sfn.answers()).isEmpty();
    // A plugged-in computation (see InstantComputation) on the next worker finishes it.
    Worker next = stack.start(stack.workerConfig("w2").computation("instant"));
    await().atMost(Duration.ofSeconds(20)).until(() -> stack.sfn.acceptedFor(token).size() == 1);
    TestingStepFunctions.Answer answer = stack.sfn.acceptedFor(token).get(0);
    assertThat(answer.output().path("worker").asText()).isEqualTo("w2");
    assertThat(answer.output().path("result").path("plugin").asText()).isEqualTo("instant");
    assertThat(next.counters().redeliveries()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(10)).until(() -> stack.messagesLeft() == 0);
  }

  @Test
  void itemsFinishingWithinTheGraceAreAnsweredBeforeTheWorkerStops() {
    String token = stack.sendItem(0, "{\"computeMs\": 1500}");
    Worker worker = stack.start(stack.workerConfig("w1"));
    await().atMost(Duration.ofSeconds(20)).until(() -> worker.counters().inFlight() == 1);

    worker.stop(Duration.ofSeconds(30));

    assertThat(stack.sfn.acceptedFor(token)).hasSize(1);
    assertThat(worker.counters().released()).isZero();
    assertThat(worker.counters().succeeded()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(10)).until(() -> stack.messagesLeft() == 0);
  }

  @Test
  void aStoppedWorkerReceivesNothingMore() {
    Worker worker = stack.start(stack.workerConfig("w1"));
    await().atMost(Duration.ofSeconds(20)).until(worker::isReady);
    worker.stop(Duration.ofSeconds(3));
    assertThat(worker.isReady()).isFalse();

    stack.sendItem(0, "{\"computeMs\": 0}");

    Worker next = stack.start(stack.workerConfig("w2"));
    await().atMost(Duration.ofSeconds(20)).until(() -> next.counters().succeeded() == 1);
    assertThat(worker.counters().received()).isZero();
  }
}
