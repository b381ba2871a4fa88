package io.computecase.local.sfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.local.sfn.execution.MapRun;
import io.computecase.local.sfn.support.EngineFixture;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Without MaxConcurrency, a Distributed Map runs at most 10,000 child executions at once, as on
 * AWS; the rest wait as pending and start as running ones end.
 */
class MapRunConcurrencyCapTest {
  private static final int ITEMS = MapRun.MAX_RUNNING_CHILDREN + 5;

  private static final String WAITING_MAP =
      """
      {"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map",
        "Items": "{% [1..$states.input.count] %}", "End": true,
        "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
          "StartAt": "T", "States": {"T": {"Type": "Task",
            "Resource": "arn:aws:states:::events:putEvents.waitForTaskToken",
            "Arguments": {"Entries": [{"Source": "s", "DetailType": "d",
              "Detail": {"t": "{% $states.context.Task.Token %}"}}]},
            "End": true}}}}}}
      """;

  private final EngineFixture fixture = new EngineFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void atMostTenThousandChildrenRunWhenMaxConcurrencyIsUnset() {
    String machine = fixture.createMachineFromText("m", WAITING_MAP);
    String arn =
        fixture
            .sfn
            .startExecution(b -> b.stateMachineArn(machine).input("{\"count\":" + ITEMS + "}"))
            .executionArn();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> fixture.bus.details("d").size() == MapRun.MAX_RUNNING_CHILDREN);
    String mapRun = fixture.sfn.listMapRuns(b -> b.executionArn(arn)).mapRuns().get(0).mapRunArn();
    DescribeMapRunResponse described = fixture.sfn.describeMapRun(b -> b.mapRunArn(mapRun));
    assertThat(described.maxConcurrency()).isZero();
    assertThat(described.itemCounts().running()).isEqualTo(MapRun.MAX_RUNNING_CHILDREN);
    assertThat(described.itemCounts().pending()).isEqualTo(5);
    assertThat(described.executionCounts().running()).isEqualTo(MapRun.MAX_RUNNING_CHILDREN);
    long listedRunning =
        fixture
            .sfn
            .listExecutionsPaginator(
                b -> b.mapRunArn(mapRun).statusFilter(ExecutionStatus.RUNNING).maxResults(1000))
            .executions()
            .stream()
            .count();
    assertThat(listedRunning).isEqualTo(MapRun.MAX_RUNNING_CHILDREN);

    // One child ends: one pending item takes its place.
    String token = fixture.bus.details("d").get(0).path("t").asText();
    fixture.sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> fixture.bus.details("d").size() == MapRun.MAX_RUNNING_CHILDREN + 1);
    DescribeMapRunResponse after = fixture.sfn.describeMapRun(b -> b.mapRunArn(mapRun));
    assertThat(after.itemCounts().running()).isEqualTo(MapRun.MAX_RUNNING_CHILDREN);
    assertThat(after.itemCounts().pending()).isEqualTo(4);
    assertThat(after.itemCounts().succeeded()).isEqualTo(1);

    fixture.sfn.stopExecution(b -> b.executionArn(arn));
  }
}
