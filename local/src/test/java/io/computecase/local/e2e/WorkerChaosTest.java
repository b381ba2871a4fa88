package io.computecase.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseStatus;
import io.computecase.worker.WorkerCounters;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Workers crash without any shutdown while a 1,000-item case runs; their messages come back after
 * the visibility timeout, and no item is lost or counted twice.
 */
class WorkerChaosTest {
  private static StackFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new StackFixture(2, 50);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void crashedWorkersLoseNoItemAndCountNoneTwice() {
    Resource<ComputeCase> cc =
        fixture.apply("worker-chaos", StackFixture.generated(1000, StackFixture.parameters(200)));
    await().atMost(Duration.ofMinutes(1)).until(() -> "Running".equals(StackFixture.phase(cc)));

    long crashedInFlight = 0;
    for (int crash = 1; crash <= 5; crash++) {
      long threshold = crash * 120L;
      await().atMost(Duration.ofMinutes(2)).until(() -> succeeded(cc) >= threshold || isFinal(cc));
      if (isFinal(cc)) {
        break;
      }
      WorkerCounters victim = fixture.stack.crashWorker("default").orElseThrow();
      crashedInFlight += victim.inFlight();
    }

    await().atMost(Duration.ofMinutes(5)).until(() -> isFinal(cc));
    ComputeCaseStatus status = StackFixture.status(cc);
    assertThat(status.getPhase()).isEqualTo("Succeeded");
    assertThat(status.getProgress().getDone()).isEqualTo("1000/1000");
    assertThat(status.getSummary().getSucceeded()).isEqualTo(1000);
    assertThat(status.getSummary().getFailed()).isZero();
    System.out.printf("worker chaos: items in flight on crashed workers: %d%n", crashedInFlight);
  }

  private static boolean isFinal(Resource<ComputeCase> cc) {
    String phase = StackFixture.phase(cc);
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  private static long succeeded(Resource<ComputeCase> cc) {
    ComputeCaseStatus status = StackFixture.status(cc);
    return status.getProgress() == null ? 0 : status.getProgress().getSucceeded();
  }
}
