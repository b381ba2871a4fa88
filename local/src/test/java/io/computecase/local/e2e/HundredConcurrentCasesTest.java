package io.computecase.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseStatus;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hundred cases of a thousand items each, applied at once: every one ends Succeeded with all its
 * items counted once, each has exactly one execution, and the operator writes each case's status at
 * most about once a second however fast its items complete.
 */
class HundredConcurrentCasesTest {
  private static final int CASES = 100;
  private static final int ITEMS = 1000;

  private static StackFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new StackFixture(4, 250);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void aHundredThousandItemCasesAtOnce() {
    Map<String, AtomicLong> writes = new ConcurrentHashMap<>();
    Watch watch =
        fixture
            .stack
            .client()
            .resources(ComputeCase.class)
            .inNamespace(StackFixture.NAMESPACE)
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, ComputeCase resource) {
                    if (action == Action.MODIFIED) {
                      writes
                          .computeIfAbsent(resource.getMetadata().getName(), n -> new AtomicLong())
                          .incrementAndGet();
                    }
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                });
    List<Resource<ComputeCase>> cases = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      cases.add(
          fixture.apply("many-" + i, StackFixture.generated(ITEMS, StackFixture.parameters(0))));
    }

    await()
        .atMost(Duration.ofMinutes(20))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> cases.stream().allMatch(cc -> isFinished(StackFixture.phase(cc))));
    watch.close();

    Set<String> executions = new HashSet<>();
    for (Resource<ComputeCase> cc : cases) {
      ComputeCaseStatus status = StackFixture.status(cc);
      String name = cc.get().getMetadata().getName();
      assertThat(status.getPhase()).as(name).isEqualTo("Succeeded");
      assertThat(status.getProgress().getDone()).as(name).isEqualTo(ITEMS + "/" + ITEMS);
      assertThat(status.getSummary().getSucceeded()).as(name).isEqualTo(ITEMS);
      assertThat(status.getSummary().getFailed()).as(name).isZero();
      executions.add(status.getExecutionArn());

      // The pacer allows one write a second; the first write, the phase changes and the final
      // summary may each come on top of that.
      double seconds =
          Math.max(
              1,
              Duration.between(
                          Instant.parse(status.getStartTime()),
                          Instant.parse(status.getCompletionTime()))
                      .toMillis()
                  / 1000.0);
      long caseWrites = writes.getOrDefault(name, new AtomicLong()).get();
      assertThat(caseWrites)
          .as("status writes of %s over %.1f s", name, seconds)
          .isLessThanOrEqualTo((long) Math.ceil(seconds) + 4);
    }
    assertThat(executions).hasSize(CASES);
    String stateMachineArn =
        fixture
            .sfn
            .describeExecution(b -> b.executionArn(executions.iterator().next()))
            .stateMachineArn();
    long allExecutions =
        fixture
            .sfn
            .listExecutionsPaginator(b -> b.stateMachineArn(stateMachineArn))
            .executions()
            .stream()
            .count();
    assertThat(allExecutions).isEqualTo(CASES);
  }

  private static boolean isFinished(String phase) {
    return "Succeeded".equals(phase) || "Failed".equals(phase) || "Stopped".equals(phase);
  }
}
