package io.computecase.local.sfn;

import static org.assertj.core.api.Assertions.assertThat;

import io.computecase.local.sfn.support.EngineFixture;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/** Retry delays follow IntervalSeconds, BackoffRate and MaxDelaySeconds on the engine clock. */
class RetryTimingTest {
  private final EngineFixture fixture = new EngineFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void delaysGrowByTheBackoffRateUpToTheMaximum() {
    String machine =
        fixture.createMachineFromText(
            "retry",
            "{\"StartAt\":\"Put\",\"States\":{\"Put\":{\"Type\":\"Task\","
                + "\"Resource\":\"arn:aws:states:::events:putEvents\",\"Parameters\":{\"Entries\":[]},"
                + "\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"],\"IntervalSeconds\":2,\"BackoffRate\":3,"
                + "\"MaxDelaySeconds\":4,\"MaxAttempts\":3}],\"End\":true}}}");
    fixture.bus.failWith("InternalException");
    String arn = fixture.sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(10))
        .until(
            () -> {
              boolean running =
                  fixture.sfn.describeExecution(b -> b.executionArn(arn)).status()
                      == ExecutionStatus.RUNNING;
              if (running) {
                fixture.clock.advance(Duration.ofSeconds(1));
              }
              return !running;
            });
    List<Long> scheduled =
        fixture.sfn.getExecutionHistory(b -> b.executionArn(arn)).events().stream()
            .filter(e -> e.type() == HistoryEventType.TASK_SCHEDULED)
            .map(HistoryEvent::timestamp)
            .map(t -> t.getEpochSecond())
            .toList();
    assertThat(scheduled).hasSize(4);
    assertThat(List.of(
            scheduled.get(1) - scheduled.get(0),
            scheduled.get(2) - scheduled.get(1),
            scheduled.get(3) - scheduled.get(2)))
        .containsExactly(2L, 4L, 4L);
    assertThat(fixture.sfn.describeExecution(b -> b.executionArn(arn)).error())
        .isEqualTo("EventBridge.InternalException");
  }
}
