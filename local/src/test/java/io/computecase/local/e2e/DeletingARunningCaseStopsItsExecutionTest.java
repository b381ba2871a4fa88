package io.computecase.local.e2e;

import static org.awaitility.Awaitility.await;

import io.computecase.api.v1alpha1.ComputeCase;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** The finalizer: deleting a running case aborts its execution, and then the resource goes. */
class DeletingARunningCaseStopsItsExecutionTest {
  private static StackFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new StackFixture(1, 10);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void deleteAbortsTheExecution() {
    // Items that would take minutes: the case is surely running when it is deleted.
    Resource<ComputeCase> cc =
        fixture.apply("deleted", StackFixture.generated(20, StackFixture.parameters(600_000)));
    await().atMost(Duration.ofMinutes(1)).until(() -> "Running".equals(StackFixture.phase(cc)));
    String executionArn = StackFixture.status(cc).getExecutionArn();

    cc.delete();

    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () ->
                fixture.sfn.describeExecution(b -> b.executionArn(executionArn)).status()
                    == ExecutionStatus.ABORTED);
    await().atMost(Duration.ofMinutes(1)).until(() -> cc.get() == null);
  }
}
