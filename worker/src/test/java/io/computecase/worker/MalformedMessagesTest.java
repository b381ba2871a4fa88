package io.computecase.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.testing.TestingStepFunctions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MalformedMessagesTest {
  private final TestingStack stack = new TestingStack(2, 30);

  @AfterEach
  void close() {
    stack.close();
  }

  @Test
  void messagesWithoutATaskTokenReachTheDeadLetterQueueWhileTheWorkerKeepsServing() {
    stack.sendRaw("this is not JSON");
    stack.sendRaw("{\"version\":\"0\",\"detail-type\":\"ComputeCaseItem\"}");
    stack.sendRaw(
        TestingStack.envelope(TestingStack.json("{\"index\": 0, \"item\": {}}")).toString());
    Worker worker = stack.start(stack.workerConfig("w1").visibilityTimeoutSeconds(2));

    // maxReceiveCount 2: each is received twice, then SQS moves it to the dead-letter queue.
    await().atMost(Duration.ofSeconds(40)).until(() -> stack.deadLetters() == 3);
    assertThat(worker.counters().malformed()).isGreaterThanOrEqualTo(6);

    String token = stack.sendItem(0, "{\"computeMs\": 0}");
    await().atMost(Duration.ofSeconds(20)).until(() -> stack.sfn.acceptedFor(token).size() == 1);
    assertThat(worker.isLive()).isTrue();
  }

  @Test
  void aMalformedItemWithATaskTokenIsFailedAtOnceNamingTheField() {
    String token = stack.sfn.issueToken();
    stack.sendRaw(
        TestingStack.envelope(
                TestingStack.json(
                    "{\"requestId\":\"r\",\"index\": 4, \"item\": \"not an object\", \"taskToken\":"
                        + " \""
                        + token
                        + "\"}"))
            .toString());
    Worker worker = stack.start(stack.workerConfig("w1"));

    await().atMost(Duration.ofSeconds(20)).until(() -> stack.sfn.acceptedFor(token).size() == 1);
    TestingStepFunctions.Answer answer = stack.sfn.acceptedFor(token).get(0);
    assertThat(answer.operation()).isEqualTo("SendTaskFailure");
    assertThat(answer.request().path("error").asText()).isEqualTo("ComputeCase.MalformedItem");
    assertThat(answer.request().path("cause").asText()).contains("detail.item");
    await().atMost(Duration.ofSeconds(10)).until(() -> stack.messagesLeft() == 0);
    assertThat(stack.deadLetters()).isZero();
    assertThat(worker.counters().malformed()).isEqualTo(1);
  }
}
