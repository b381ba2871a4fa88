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
  private static final Duration STEP = Duration.ofMillis(100);

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
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(10))
        .until(
            () -> {
              boolean running =
                  fixture.sfn.describeExecution(b -> b.executionArn(arn)).status()
                      == ExecutionStatus.RUNNING;
              if (running) {
                // Small steps: the engine records each attempt on its own thread, so a step taken
                // before it has recorded one can land inside a measured gap; at 100 ms it cannot
                // be mistaken for a wrong delay.
                fixture.clock.advance(STEP);
              }
              return !running;
            });
    List<Long> scheduled =
        fixture.sfn.getExecutionHistory(b -> b.executionArn(arn)).events().stream()
            .filter(e -> e.type() == HistoryEventType.TASK_SCHEDULED)
            .map(HistoryEvent::timestamp)
            .map(t -> t.toEpochMilli())
            .toList();
    assertThat(scheduled).hasSize(4);
    List<Long> expectedGaps = List.of(2_000L, 4_000L, 4_000L);
    for (int i = 0; i < expectedGaps.size(); i++) {
      long gap = scheduled.get(i + 1) - scheduled.get(i);
      assertThat(gap)
          .as("delay before attempt %d", i + 2)
          .isBetween(expectedGaps.get(i), expectedGaps.get(i) + 3 * STEP.toMillis());
    }
    assertThat(fixture.sfn.describeExecution(b -> b.executionArn(arn)).error())
        .isEqualTo("EventBridge.InternalException");
  }
}
