package io.computecase.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.testing.TestingStepFunctions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedItemsTest {
  private final TestingStack stack = new TestingStack();

  @AfterEach
  void close() {
    stack.close();
  }

  @Test
  void everyItemIsAnsweredWithItsOutputAndItsMessageDeleted() {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      tokens.add(stack.sendItem(i, "{\"computeMs\": 20}"));
    }
    Worker worker = stack.start(stack.workerConfig("w1").concurrency(8));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> stack.sfn.accepted("SendTaskSuccess").size() == 30);
    await().atMost(Duration.ofSeconds(10)).until(() -> stack.messagesLeft() == 0);

    for (int i = 0; i < tokens.size(); i++) {
      List<TestingStepFunctions.Answer> answers = stack.sfn.acceptedFor(tokens.get(i));
      assertThat(answers).hasSize(1);
      JsonNode output = answers.get(0).output();
      assertThat(output.path("index").asLong()).isEqualTo(i);
      assertThat(output.path("caseId").asText()).isEqualTo(Integer.toString(i));
      assertThat(output.path("result").path("simulatedMs").asLong()).isEqualTo(20);
      assertThat(output.path("durationMs").asLong()).isGreaterThanOrEqualTo(20);
      assertThat(output.path("worker").asText()).isEqualTo("w1");
    }
    WorkerCounters counters = worker.counters();
    assertThat(counters.received()).isEqualTo(30);
    assertThat(counters.succeeded()).isEqualTo(30);
    assertThat(counters.failed()).isZero();
    assertThat(counters.inFlight()).isZero();
  }

  @Test
  void neverComputesMoreItemsAtOnceThanItsConcurrency() {
    for (int i = 0; i < 12; i++) {
      stack.sendItem(i, "{\"computeMs\": 60000}");
    }
    Worker worker = stack.start(stack.workerConfig("w1").concurrency(5));

    await().atMost(Duration.ofSeconds(10)).until(() -> worker.counters().inFlight() == 5);
    // The other 7 stay in the queue for other workers rather than waiting inside this one.
    assertThat(worker.counters().received()).isEqualTo(5);
  }
}
