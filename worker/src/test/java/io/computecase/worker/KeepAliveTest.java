package io.computecase.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeepAliveTest {
  private final TestingStack stack = new TestingStack(5, 2);

  @AfterEach
  void close() {
    stack.close();
  }

  @Test
  void aLongItemKeepsItsMessageHiddenAndItsTaskHeartbeating() {
    String token = stack.sendItem(0, "{\"computeMs\": 5000, \"heartbeatSeconds\": 1}");
    Worker worker = stack.start(stack.workerConfig("w1"));
    await().atMost(Duration.ofSeconds(20)).until(() -> worker.counters().inFlight() == 1);
    // Another worker polls all along: were the 2 s visibility not extended, it would get the item.
    Worker other = stack.start(stack.workerConfig("w2"));

    await().atMost(Duration.ofSeconds(30)).until(() -> worker.counters().succeeded() == 1);
    assertThat(stack.sfn.heartbeats(token)).isGreaterThanOrEqualTo(3);
    assertThat(other.counters().received()).isZero();
    assertThat(worker.counters().received()).isEqualTo(1);
  }

  @Test
  void aRefusedHeartbeatAbandonsTheItemAndDeletesItsMessage() {
    String token = stack.sendItem(0, "{\"computeMs\": 600000, \"heartbeatSeconds\": 1}");
    Worker worker = stack.start(stack.workerConfig("w1"));
    await().atMost(Duration.ofSeconds(20)).until(() -> stack.sfn.heartbeats(token) >= 1);

    stack.sfn.refuse(token, "TaskTimedOut");

    await().atMost(Duration.ofSeconds(20)).until(() -> worker.counters().refused() == 1);
    assertThat(worker.counters().inFlight()).isZero();
    await().atMost(Duration.ofSeconds(10)).until(() -> stack.messagesLeft() == 0);
    assertThat(stack.sfn.accepted("SendTaskSuccess")).isEmpty();
  }
}
