package io.computecase.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseStatus;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/** A whole case through operator, Step Functions, EventBridge, SQS and workers, in one JVM. */
class ComputeCaseSucceedsEndToEndTest {
  private static StackFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new StackFixture(2, 100);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void twoHundredItemsSucceedWithASummaryAndEveryTokenAnswered() {
    Resource<ComputeCase> cc =
        fixture.apply("two-hundred", StackFixture.generated(200, StackFixture.parameters(20)));

    await().atMost(Duration.ofMinutes(3)).until(() -> "Succeeded".equals(StackFixture.phase(cc)));

    ComputeCaseStatus status = StackFixture.status(cc);
    assertThat(status.getProgress().getDone()).isEqualTo("200/200");
    assertThat(status.getSummary().getTotal()).isEqualTo(200);
    assertThat(status.getSummary().getSucceeded()).isEqualTo(200);
    assertThat(status.getSummary().getFailed()).isZero();
    assertThat(status.getSummary().getDurationMs().getMin()).isGreaterThanOrEqualTo(20.0);
    assertThat(status.getSummary().getWallSeconds()).isPositive();
    assertThat(status.getCompletionTime()).isNotBlank();

    String mapRunArn =
        fixture
            .sfn
            .listMapRuns(b -> b.executionArn(status.getExecutionArn()))
            .mapRuns()
            .get(0)
            .mapRunArn();
    List<ExecutionListItem> children =
        fixture.sfn.listExecutionsPaginator(b -> b.mapRunArn(mapRunArn)).executions().stream()
            .collect(Collectors.toList());
    assertThat(children).hasSize(200).allMatch(e -> e.status() == ExecutionStatus.SUCCEEDED);
    for (ExecutionListItem child : children) {
      List<HistoryEvent> history =
          fixture
              .sfn
              .getExecutionHistory(b -> b.executionArn(child.executionArn()).maxResults(1000))
              .events();
      assertThat(history)
          .as("history of %s", child.executionArn())
          .extracting(HistoryEvent::type)
          .contains(HistoryEventType.TASK_SUBMITTED, HistoryEventType.TASK_SUCCEEDED);
    }
  }
}
