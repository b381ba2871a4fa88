package io.computecase.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.testing.TestingStepFunctions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FailingItemsTest {
  private final TestingStack stack = new TestingStack();

  @AfterEach
  void close() {
    stack.close();
  }

  @Test
  void failingItemsAreAnsweredWithSendTaskFailureAndDeleted() {
    String ok = stack.sendItem(0, "{\"computeMs\": 0, \"failIndexes\": [1]}");
    String failing = stack.sendItem(1, "{\"computeMs\": 0, \"failIndexes\": [1]}");
    Worker worker = stack.start(stack.workerConfig("w1"));

    await().atMost(Duration.ofSeconds(20)).until(() -> stack.sfn.answers().size() == 2);
    assertThat(stack.sfn.acceptedFor(ok))
        .singleElement()
        .extracting(a -> a.operation())
        .isEqualTo("SendTaskSuccess");
    TestingStepFunctions.Answer failure = stack.sfn.acceptedFor(failing).get(0);
    assertThat(failure.operation()).isEqualTo("SendTaskFailure");
    assertThat(failure.request().path("error").asText()).isEqualTo("ComputeCase.SimulatedFailure");
    assertThat(failure.request().path("cause").asText()).contains("Item 1");
    await().atMost(Duration.ofSeconds(10)).until(() -> stack.messagesLeft() == 0);
    assertThat(worker.counters().succeeded()).isEqualTo(1);
    assertThat(worker.counters().failed()).isEqualTo(1);
  }

  @Test
  void aFailureRateFailsTheSameItemsOnEveryDelivery() {
    for (int i = 0; i < 40; i++) {
      stack.sendItem(i, "{\"computeMs\": 0, \"failureRate\": 0.5}");
    }
    stack.start(stack.workerConfig("w1").concurrency(20));

    await().atMost(Duration.ofSeconds(20)).until(() -> stack.sfn.answers().size() == 40);
    long failures = stack.sfn.accepted("SendTaskFailure").size();
    assertThat(failures).isBetween(5L, 35L);
  }

  @Test
  void aMalformedParameterFailsTheItemNamingTheParameterAndTheFix() {
    String token = stack.sendItem(0, "{\"computeMs\": \"soon\"}");
    stack.start(stack.workerConfig("w1"));

    await().atMost(Duration.ofSeconds(20)).until(() -> !stack.sfn.acceptedFor(token).isEmpty());
    TestingStepFunctions.Answer answer = stack.sfn.acceptedFor(token).get(0);
    assertThat(answer.operation()).isEqualTo("SendTaskFailure");
    assertThat(answer.request().path("error").asText()).isEqualTo("ComputeCase.InvalidParameter");
    assertThat(answer.request().path("cause").asText())
        .contains("parameters.computeMs")
        .contains("spec.parameters");
  }
}
