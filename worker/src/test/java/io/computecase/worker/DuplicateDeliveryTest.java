package io.computecase.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DuplicateDeliveryTest {
  private final TestingStack stack = new TestingStack();

  @AfterEach
  void close() {
    stack.close();
  }

  @Test
  void theSameEventTwiceOnOneWorkerIsComputedAndCountedOnce() {
    String token = stack.sfn.issueToken();
    stack.sendItem(
        7,
        TestingStack.json("{\"caseId\":\"7\"}"),
        TestingStack.json("{\"computeMs\": 300}"),
        token,
        "");
    stack.sendItem(
        7,
        TestingStack.json("{\"caseId\":\"7\"}"),
        TestingStack.json("{\"computeMs\": 300}"),
        token,
        "");
    Worker worker = stack.start(stack.workerConfig("w1"));

    await().atMost(Duration.ofSeconds(20)).until(() -> stack.messagesLeft() == 0);
    assertThat(stack.sfn.answers()).hasSize(1);
    assertThat(stack.sfn.acceptedFor(token))
        .singleElement()
        .extracting(a -> a.operation())
        .isEqualTo("SendTaskSuccess");
    assertThat(worker.counters().succeeded()).isEqualTo(1);
    assertThat(worker.counters().duplicates()).isEqualTo(1);
  }

  @Test
  void aDuplicateOnAnotherWorkerIsRefusedByStepFunctionsDeletedAndCountedOnce() {
    String token = stack.sfn.issueToken();
    stack.sendItem(
        3,
        TestingStack.json("{\"caseId\":\"3\"}"),
        TestingStack.json("{\"computeMs\": 0}"),
        token,
        "");
    Worker first = stack.start(stack.workerConfig("w1"));
    await().atMost(Duration.ofSeconds(20)).until(() -> first.counters().succeeded() == 1);

    first.stop(Duration.ofSeconds(5));
    // The same event again, as EventBridge's at-least-once delivery may bring it, to a worker
    // that never saw it: it computes, Step Functions refuses the second answer, the message goes.
    stack.sendItem(
        3,
        TestingStack.json("{\"caseId\":\"3\"}"),
        TestingStack.json("{\"computeMs\": 0}"),
        token,
        "");
    Worker second = stack.start(stack.workerConfig("w2"));

    await().atMost(Duration.ofSeconds(20)).until(() -> second.counters().refused() == 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> stack.messagesLeft() == 0);
    assertThat(stack.sfn.acceptedFor(token)).hasSize(1);
    assertThat(second.counters().succeeded()).isZero();
    assertThat(stack.sfn.answers())
        .filteredOn(a -> !a.accepted())
        .singleElement()
        .extracting(a -> a.operation())
        .isEqualTo("SendTaskSuccess");
  }

  @Test
  void aLateDuplicateOfAnAnsweredTokenIsDeletedWithoutComputing() {
    String token = stack.sfn.issueToken();
    stack.sendItem(
        1,
        TestingStack.json("{\"caseId\":\"1\"}"),
        TestingStack.json("{\"computeMs\": 0}"),
        token,
        "");
    Worker worker = stack.start(stack.workerConfig("w1"));
    await().atMost(Duration.ofSeconds(20)).until(() -> worker.counters().succeeded() == 1);

    stack.sendItem(
        1,
        TestingStack.json("{\"caseId\":\"1\"}"),
        TestingStack.json("{\"computeMs\": 0}"),
        token,
        "");

    await().atMost(Duration.ofSeconds(20)).until(() -> worker.counters().duplicates() == 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> stack.messagesLeft() == 0);
    assertThat(stack.sfn.answers()).hasSize(1);
  }
}
