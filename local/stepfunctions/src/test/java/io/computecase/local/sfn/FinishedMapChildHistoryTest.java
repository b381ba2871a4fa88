package io.computecase.local.sfn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.support.EngineFixture;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * A finished child of a Distributed Map keeps little on the heap: its history moves to a file. The
 * API still answers for it as before: DescribeExecution, ListExecutions and GetExecutionHistory
 * (paged, reversed, with and without data).
 */
class FinishedMapChildHistoryTest {
  private static final String PUT_THEN_PASS =
      """
      {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
        "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
          "StartAt": "Put", "States": {
            "Put": {"Type": "Task", "Resource": "arn:aws:states:::events:putEvents",
              "Parameters": {"Entries": [{"Source": "s", "DetailType": "d",
                "Detail": {"n.$": "$.n"}}]},
              "ResultSelector": {"failed.$": "$.FailedEntryCount"}, "ResultPath": "$.put",
              "Next": "Done"},
            "Done": {"Type": "Pass", "End": true}}}}}}
      """;

  private final EngineFixture fixture = new EngineFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  private String history(String executionArn, boolean includeData) {
    ObjectNode request = AwsJson.MAPPER.createObjectNode();
    request.put("executionArn", executionArn);
    request.put("includeExecutionData", includeData);
    return fixture
        .engine
        .api()
        .invoke("GetExecutionHistory", request)
        .toString()
        .replaceAll("EventId\\\\\":\\\\\"[^\\\\]*", "EventId");
  }

  private List<ExecutionListItem> children(String executionArn) {
    String mapRun =
        fixture.sfn.listMapRuns(b -> b.executionArn(executionArn)).mapRuns().get(0).mapRunArn();
    return fixture
        .sfn
        .listExecutions(b -> b.mapRunArn(mapRun).statusFilter(ExecutionStatus.SUCCEEDED))
        .executions();
  }

  @Test
  void theHistoryOfAFinishedChildIsReadBackFromItsFile() {
    String machine = fixture.createMachineFromText("m", PUT_THEN_PASS);
    String arn =
        fixture
            .sfn
            .startExecution(b -> b.stateMachineArn(machine).input("[{\"n\":1},{\"n\":2}]"))
            .executionArn();
    assertThat(fixture.awaitEnd(arn).output())
        .isEqualTo("[{\"n\":1,\"put\":{\"failed\":0}},{\"n\":2,\"put\":{\"failed\":0}}]");
    List<ExecutionListItem> children = children(arn);
    assertThat(children).hasSize(2);

    for (ExecutionListItem child : children) {
      String childArn = child.executionArn();
      assertThat(fixture.engine.engine().execution(childArn).history().spilled())
          .as("the finished child's history was moved out of the heap")
          .isNotNull();
      var described = fixture.sfn.describeExecution(b -> b.executionArn(childArn));
      String input = described.input();
      assertThat(input).matches("\\{\"n\":[12]\\}");
      assertThat(described.output()).isEqualTo(input.replace("}", ",\"put\":{\"failed\":0}}"));

      List<HistoryEvent> events =
          fixture.sfn.getExecutionHistory(b -> b.executionArn(childArn)).events();
      assertThat(events)
          .extracting(HistoryEvent::type)
          .containsExactly(
              HistoryEventType.EXECUTION_STARTED,
              HistoryEventType.TASK_STATE_ENTERED,
              HistoryEventType.TASK_SCHEDULED,
              HistoryEventType.TASK_STARTED,
              HistoryEventType.TASK_SUCCEEDED,
              HistoryEventType.TASK_STATE_EXITED,
              HistoryEventType.PASS_STATE_ENTERED,
              HistoryEventType.PASS_STATE_EXITED,
              HistoryEventType.EXECUTION_SUCCEEDED);
      assertThat(events)
          .extracting(HistoryEvent::id)
          .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
      assertThat(events.get(0).executionStartedEventDetails().input()).isEqualTo(input);
      assertThat(events.get(0).executionStartedEventDetails().roleArn())
          .isEqualTo(EngineFixture.ROLE);
      assertThat(events.get(2).taskScheduledEventDetails().parameters()).contains(input);
      assertThat(events.get(2).taskScheduledEventDetails().resource()).isEqualTo("putEvents");
      assertThat(events.get(8).executionSucceededEventDetails().output())
          .isEqualTo(described.output());

      var withoutData =
          fixture
              .sfn
              .getExecutionHistory(b -> b.executionArn(childArn).includeExecutionData(false))
              .events();
      assertThat(withoutData.get(0).executionStartedEventDetails().input()).isNull();
      assertThat(withoutData.get(0).executionStartedEventDetails().inputDetails()).isNull();
      assertThat(withoutData.get(2).taskScheduledEventDetails().parameters()).isNull();
      assertThat(withoutData.get(2).taskScheduledEventDetails().region()).isEqualTo("us-east-1");
      assertThat(withoutData.get(8).executionSucceededEventDetails().output()).isNull();

      var newestFirst =
          fixture.sfn.getExecutionHistory(
              b -> b.executionArn(childArn).reverseOrder(true).maxResults(5));
      assertThat(newestFirst.events())
          .extracting(HistoryEvent::id)
          .containsExactly(9L, 8L, 7L, 6L, 5L);
      var rest =
          fixture.sfn.getExecutionHistory(
              b ->
                  b.executionArn(childArn)
                      .reverseOrder(true)
                      .maxResults(5)
                      .nextToken(newestFirst.nextToken()));
      assertThat(rest.events()).extracting(HistoryEvent::id).containsExactly(4L, 3L, 2L, 1L);
    }
  }

  @Test
  void aFinishedChildAnswersWithoutDataAsATopLevelExecutionDoes() {
    String processor =
        """
        {"StartAt": "Put", "States": {"Put": {"Type": "Task",
          "Resource": "arn:aws:states:::events:putEvents",
          "Parameters": {"Entries": [{"Source": "s", "DetailType": "d", "Detail": {"n.$": "$.n"}}]},
          "ResultSelector": {"failed.$": "$.FailedEntryCount"}, "ResultPath": "$.put",
          "Next": "Done"}, "Done": {"Type": "Pass", "End": true}}}
        """;
    String topLevel =
        fixture
            .sfn
            .startExecution(
                b ->
                    b.stateMachineArn(fixture.createMachineFromText("alone", processor))
                        .input("{\"n\":1}"))
            .executionArn();
    fixture.awaitEnd(topLevel);
    String parent =
        fixture
            .sfn
            .startExecution(
                b ->
                    b.stateMachineArn(fixture.createMachineFromText("m", PUT_THEN_PASS))
                        .input("[{\"n\":1}]"))
            .executionArn();
    fixture.awaitEnd(parent);
    String child = children(parent).get(0).executionArn();

    for (boolean includeData : new boolean[] {true, false}) {
      // The API's own answer, as JSON: the same events, details and payloads, byte for byte
      // (but for the id the bus gave each put event).
      assertThat(history(child, includeData)).isEqualTo(history(topLevel, includeData));
    }
  }
}
