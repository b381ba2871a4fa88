package io.computecase.local.sfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.local.sfn.support.EngineFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionRedriveStatus;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/** DescribeExecution, ListExecutions, GetExecutionHistory, RedriveExecution and UpdateMapRun. */
class ExecutionApiTest {
  private static final String TWO_PASSES =
      "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Result\":{\"r\":1},\"Next\":\"B\"},"
          + "\"B\":{\"Type\":\"Pass\",\"End\":true}}}";

  private final EngineFixture fixture = new EngineFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void describeShowsInputOutputAndDates() {
    String machine = fixture.createMachineFromText("m", TWO_PASSES);
    String arn =
        fixture
            .sfn
            .startExecution(b -> b.stateMachineArn(machine).name("e1").input("{\"in\":true}"))
            .executionArn();
    assertThat(arn).isEqualTo("arn:aws:states:us-east-1:000000000000:execution:m:e1");
    var ended = fixture.awaitEnd(arn);
    assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(ended.input()).isEqualTo("{\"in\":true}");
    assertThat(ended.output()).isEqualTo("{\"r\":1}");
    assertThat(ended.stateMachineArn()).isEqualTo(machine);
    assertThat(ended.startDate()).isEqualTo(fixture.clock.instant());
    assertThat(ended.stopDate()).isEqualTo(fixture.clock.instant());
    assertThat(ended.redriveStatus()).isEqualTo(ExecutionRedriveStatus.NOT_REDRIVABLE);
  }

  @Test
  void historyHasAwsIdsPreviousIdsAndPayloads() {
    String machine = fixture.createMachineFromText("m", TWO_PASSES);
    String arn =
        fixture
            .sfn
            .startExecution(b -> b.stateMachineArn(machine).input("{\"in\":1}"))
            .executionArn();
    fixture.awaitEnd(arn);
    List<HistoryEvent> events = fixture.sfn.getExecutionHistory(b -> b.executionArn(arn)).events();
    assertThat(events).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(events)
        .extracting(HistoryEvent::previousEventId)
        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    assertThat(events.get(0).executionStartedEventDetails().input()).isEqualTo("{\"in\":1}");
    assertThat(events.get(0).executionStartedEventDetails().roleArn())
        .isEqualTo(EngineFixture.ROLE);
    assertThat(events.get(1).stateEnteredEventDetails().name()).isEqualTo("A");
    assertThat(events.get(2).stateExitedEventDetails().output()).isEqualTo("{\"r\":1}");
    assertThat(events.get(5).executionSucceededEventDetails().output()).isEqualTo("{\"r\":1}");

    var reversed =
        fixture.sfn.getExecutionHistory(b -> b.executionArn(arn).reverseOrder(true).maxResults(4));
    assertThat(reversed.events()).extracting(HistoryEvent::id).containsExactly(6L, 5L, 4L, 3L);
    var rest =
        fixture.sfn.getExecutionHistory(
            b ->
                b.executionArn(arn)
                    .reverseOrder(true)
                    .maxResults(4)
                    .nextToken(reversed.nextToken()));
    assertThat(rest.events()).extracting(HistoryEvent::id).containsExactly(2L, 1L);
    assertThat(rest.nextToken()).isNull();

    var withoutData =
        fixture.sfn.getExecutionHistory(b -> b.executionArn(arn).includeExecutionData(false));
    assertThat(withoutData.events().get(0).executionStartedEventDetails().input()).isNull();
    assertThat(withoutData.events().get(1).stateEnteredEventDetails().name()).isEqualTo("A");
  }

  @Test
  void listFiltersByStatusAndPagesNewestFirst() {
    String machine = fixture.createMachineFromText("m", TWO_PASSES);
    String waiting =
        fixture.createMachineFromText(
            "w",
            "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":100,\"End\":true}}}");
    for (int i = 0; i < 3; i++) {
      int n = i;
      fixture.awaitEnd(
          fixture.sfn.startExecution(b -> b.stateMachineArn(machine).name("e" + n)).executionArn());
      fixture.clock.advance(Duration.ofSeconds(1));
    }
    fixture.sfn.startExecution(b -> b.stateMachineArn(waiting).name("open"));
    var page = fixture.sfn.listExecutions(b -> b.stateMachineArn(machine).maxResults(2));
    assertThat(page.executions()).extracting(ExecutionListItem::name).containsExactly("e2", "e1");
    var next =
        fixture.sfn.listExecutions(
            b -> b.stateMachineArn(machine).maxResults(2).nextToken(page.nextToken()));
    assertThat(next.executions()).extracting(ExecutionListItem::name).containsExactly("e0");
    assertThat(
            fixture
                .sfn
                .listExecutions(
                    b -> b.stateMachineArn(waiting).statusFilter(ExecutionStatus.RUNNING))
                .executions())
        .extracting(ExecutionListItem::name)
        .containsExactly("open");
    assertThat(
            fixture
                .sfn
                .listExecutions(
                    b -> b.stateMachineArn(waiting).statusFilter(ExecutionStatus.SUCCEEDED))
                .executions())
        .isEmpty();
  }

  @Test
  void redriveRunsAFailedExecutionAgainFromTheFailedState() {
    String definition =
        "{\"StartAt\":\"Set\",\"States\":{"
            + "\"Set\":{\"Type\":\"Pass\",\"Result\":\"set\",\"ResultPath\":\"$.seen\",\"Next\":\"Put\"},"
            + "\"Put\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::events:putEvents\","
            + "\"Parameters\":{\"Entries\":[{\"Source\":\"s\",\"DetailType\":\"d\",\"Detail\":{}}]},"
            + "\"ResultSelector\":{\"failed.$\":\"$.FailedEntryCount\"},\"ResultPath\":\"$.put\",\"End\":true}}}";
    String machine = fixture.createMachineFromText("m", definition);
    fixture.bus.failWith("InternalException");
    String arn =
        fixture.sfn.startExecution(b -> b.stateMachineArn(machine).input("{}")).executionArn();
    var failed = fixture.awaitEnd(arn);
    assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(failed.redriveStatus()).isEqualTo(ExecutionRedriveStatus.REDRIVABLE);
    fixture.bus.failWith(null);
    fixture.sfn.redriveExecution(b -> b.executionArn(arn));
    var redriven = fixture.awaitEnd(arn);
    assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(redriven.output()).isEqualTo("{\"seen\":\"set\",\"put\":{\"failed\":0}}");
    assertThat(redriven.redriveCount()).isEqualTo(1);
    List<HistoryEventType> types =
        fixture.sfn.getExecutionHistory(b -> b.executionArn(arn).maxResults(100)).events().stream()
            .map(HistoryEvent::type)
            .toList();
    assertThat(types)
        .containsSubsequence(
            HistoryEventType.EXECUTION_FAILED,
            HistoryEventType.EXECUTION_REDRIVEN,
            HistoryEventType.TASK_STATE_ENTERED,
            HistoryEventType.TASK_SUCCEEDED,
            HistoryEventType.EXECUTION_SUCCEEDED);
    assertThat(types.stream().filter(t -> t == HistoryEventType.PASS_STATE_ENTERED).count())
        .isEqualTo(1);
  }

  @Test
  void updateMapRunRaisesConcurrencyOfARunningMap() {
    String definition =
        "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"MaxConcurrency\":1,"
            + "\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"},"
            + "\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
            + "\"Resource\":\"arn:aws:states:::events:putEvents.waitForTaskToken\","
            + "\"Parameters\":{\"Entries\":[{\"Source\":\"s\",\"DetailType\":\"d\",\"Detail\":{\"t.$\":\"$$.Task.Token\"}}]},"
            + "\"End\":true}}},\"End\":true}}}";
    String machine = fixture.createMachineFromText("m", definition);
    String arn =
        fixture.sfn.startExecution(b -> b.stateMachineArn(machine).input("[1,2,3]")).executionArn();
    await().atMost(Duration.ofSeconds(10)).until(() -> fixture.bus.details("d").size() == 1);
    String mapRun = fixture.sfn.listMapRuns(b -> b.executionArn(arn)).mapRuns().get(0).mapRunArn();
    var running = fixture.sfn.describeMapRun(b -> b.mapRunArn(mapRun));
    assertThat(running.maxConcurrency()).isEqualTo(1);
    assertThat(running.itemCounts().running()).isEqualTo(1);
    assertThat(running.itemCounts().pending()).isEqualTo(2);
    fixture.sfn.updateMapRun(b -> b.mapRunArn(mapRun).maxConcurrency(5));
    fixture.sfn.sendTaskSuccess(
        b -> b.taskToken(fixture.bus.details("d").get(0).path("t").asText()).output("1"));
    await().atMost(Duration.ofSeconds(10)).until(() -> fixture.bus.details("d").size() == 3);
    for (var detail : fixture.bus.details("d").subList(1, 3)) {
      fixture.sfn.sendTaskSuccess(b -> b.taskToken(detail.path("t").asText()).output("2"));
    }
    assertThat(fixture.awaitEnd(arn).output()).isEqualTo("[1,2,2]");
    assertThat(fixture.sfn.describeMapRun(b -> b.mapRunArn(mapRun)).maxConcurrency()).isEqualTo(5);
  }

  @Test
  void redriveOfADistributedMapRunsOnlyTheItemsThatDidNotSucceed() {
    String definition =
        "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"Label\":\"Items\",\"MaxConcurrency\":1,"
            + "\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"},"
            + "\"StartAt\":\"C\",\"States\":{"
            + "\"C\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$\",\"NumericEquals\":2,\"Next\":\"Put\"}],\"Default\":\"Done\"},"
            + "\"Put\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::events:putEvents\","
            + "\"Parameters\":{\"Entries\":[{\"Source\":\"s\",\"DetailType\":\"d\",\"Detail\":{}}]},"
            + "\"ResultSelector\":{\"put.$\":\"$.FailedEntryCount\"},\"End\":true},"
            + "\"Done\":{\"Type\":\"Pass\",\"End\":true}}},\"End\":true}}}";
    String machine = fixture.createMachineFromText("m", definition);
    fixture.bus.failWith("InternalException");
    String arn =
        fixture.sfn.startExecution(b -> b.stateMachineArn(machine).input("[1,2,3]")).executionArn();
    assertThat(fixture.awaitEnd(arn).error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    String mapRun = fixture.sfn.listMapRuns(b -> b.executionArn(arn)).mapRuns().get(0).mapRunArn();
    fixture.bus.failWith(null);
    fixture.sfn.redriveExecution(b -> b.executionArn(arn));
    var redriven = fixture.awaitEnd(arn);
    assertThat(redriven.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(redriven.output()).isEqualTo("[1,{\"put\":0},3]");
    assertThat(fixture.sfn.listMapRuns(b -> b.executionArn(arn)).mapRuns()).hasSize(1);
    var run = fixture.sfn.describeMapRun(b -> b.mapRunArn(mapRun));
    assertThat(run.redriveCount()).isEqualTo(1);
    assertThat(run.itemCounts().succeeded()).isEqualTo(3);
    assertThat(run.itemCounts().total()).isEqualTo(3);
    assertThat(run.itemCounts().failed()).isZero();
    // One at a time: 1 succeeded, 2 failed, 3 never started; the redrive runs 2 and 3 only.
    List<String> inputs =
        fixture.sfn.listExecutions(b -> b.mapRunArn(mapRun)).executions().stream()
            .map(e -> fixture.sfn.describeExecution(d -> d.executionArn(e.executionArn())).input())
            .sorted()
            .toList();
    assertThat(inputs).containsExactly("1", "2", "2", "3");
    assertThat(
            fixture
                .sfn
                .getExecutionHistory(b -> b.executionArn(arn).maxResults(100))
                .events()
                .stream()
                .map(HistoryEvent::type)
                .toList())
        .containsSubsequence(
            HistoryEventType.MAP_RUN_FAILED,
            HistoryEventType.EXECUTION_FAILED,
            HistoryEventType.EXECUTION_REDRIVEN,
            HistoryEventType.MAP_STATE_ENTERED,
            HistoryEventType.MAP_RUN_REDRIVEN,
            HistoryEventType.MAP_RUN_SUCCEEDED,
            HistoryEventType.EXECUTION_SUCCEEDED);
  }
}
