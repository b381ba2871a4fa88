package io.computecase.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RefusedAnswersTest {
  private final TestingStack stack = new TestingStack();

  @AfterEach
  void close() {
    stack.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"TaskTimedOut", "InvalidToken", "TaskDoesNotExist"})
  void aDefinitiveRefusalDeletesTheMessageAndIsCounted(String code) {
    String refused = stack.sendItem(0, "{\"computeMs\": 0}");
    stack.sfn.refuse(refused, code);
    String fine = stack.sendItem(1, "{\"computeMs\": 0}");
    Worker worker = stack.start(stack.workerConfig("w1"));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> worker.counters().refused() == 1 && worker.counters().succeeded() == 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> stack.messagesLeft() == 0);
    assertThat(stack.sfn.acceptedFor(fine)).hasSize(1);
    assertThat(stack.sfn.answers()).filteredOn(a -> a.token().equals(refused)).hasSize(1);
    assertThat(worker.counters().callbackErrors()).isZero();
  }

  @Test
  void throttlingAndServerErrorsAreRetriedUntilTheAnswerLands() {
    stack.sfn.failNext(2, "ThrottlingException", 400);
    stack.sfn.failNext(2, "ServiceUnavailable", 503);
    String token = stack.sendItem(0, "{\"computeMs\": 0}");
    Worker worker = stack.start(stack.workerConfig("w1"));

    await().atMost(Duration.ofSeconds(30)).until(() -> worker.counters().succeeded() == 1);
    assertThat(stack.sfn.acceptedFor(token)).hasSize(1);
    assertThat(worker.counters().callbackErrors()).isZero();
    await().atMost(Duration.ofSeconds(10)).until(() -> stack.messagesLeft() == 0);
  }

  @Test
  void anAnswerThatCannotBeDeliveredLeavesTheMessageForRedelivery() {
    stack.sfn.failNext(6, "InternalFailure", 500);
    String token = stack.sendItem(0, "{\"computeMs\": 0}");
    Worker worker = stack.start(stack.workerConfig("w1").visibilityTimeoutSeconds(2));

    await().atMost(Duration.ofSeconds(30)).until(() -> worker.counters().callbackErrors() == 1);
    // Redelivered after the visibility timeout, and answered then.
    await().atMost(Duration.ofSeconds(30)).until(() -> stack.sfn.acceptedFor(token).size() == 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> stack.messagesLeft() == 0);
    assertThat(worker.counters().redeliveries()).isEqualTo(1);
    assertThat(worker.counters().succeeded()).isEqualTo(1);
  }
}
