package io.computecase.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.ComputeCaseStatus;
import io.computecase.api.v1alpha1.ItemFailure;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An item whose computation fails is named on the case's status with its error and cause. */
class ItemFailureShowsOnStatusTest {
  private static StackFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new StackFixture(1, 50);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void toleratedFailureIsListedAndTheCaseSucceeds() {
    ComputeCaseSpec spec =
        StackFixture.generated(
            20,
            StackFixture.parameters(10)
                .set("failIndexes", StackFixture.JSON.createArrayNode().add(7)));
    spec.setToleratedFailurePercentage(100.0);
    Resource<ComputeCase> cc = fixture.apply("one-fails-tolerated", spec);

    await().atMost(Duration.ofMinutes(2)).until(() -> "Succeeded".equals(StackFixture.phase(cc)));

    ComputeCaseStatus status = StackFixture.status(cc);
    assertThat(status.getSummary().getSucceeded()).isEqualTo(19);
    assertThat(status.getSummary().getFailed()).isEqualTo(1);
    assertThat(status.getSummary().getFailures()).hasSize(1);
    ItemFailure failure = status.getSummary().getFailures().get(0);
    assertThat(failure.getIndex()).isEqualTo(7L);
    assertThat(failure.getCaseId()).isEqualTo("7");
    assertThat(failure.getError()).isEqualTo("ComputeCase.SimulatedFailure");
    assertThat(failure.getCause()).contains("Item 7 failed");
  }

  @Test
  void untoleratedFailureFailsTheCaseAndNamesTheItem() {
    ComputeCaseSpec spec =
        StackFixture.generated(
            5,
            StackFixture.parameters(10)
                .set("failIndexes", StackFixture.JSON.createArrayNode().add(2)));
    Resource<ComputeCase> cc = fixture.apply("one-fails", spec);

    await().atMost(Duration.ofMinutes(2)).until(() -> "Failed".equals(StackFixture.phase(cc)));

    ComputeCaseStatus status = StackFixture.status(cc);
    assertThat(status.getSummary().getFailures())
        .anySatisfy(
            f -> {
              assertThat(f.getIndex()).isEqualTo(2L);
              assertThat(f.getError()).isEqualTo("ComputeCase.SimulatedFailure");
            });
    assertThat(status.getMessage()).isNotBlank();
  }
}
