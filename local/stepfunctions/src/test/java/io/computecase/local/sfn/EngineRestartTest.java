package io.computecase.local.sfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.persistence.EnginePersistence;
import io.computecase.local.sfn.persistence.SnapshotException;
import io.computecase.local.sfn.support.ComputeCaseStack;
import io.computecase.local.sfn.support.EngineFixture;
import io.computecase.local.sfn.support.RestartableEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;
import software.amazon.awssdk.services.sfn.model.Tag;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** With a data directory, what the engine holds survives a stop and a start on the same one. */
class EngineRestartTest {
  private static final String WAITING =
      """
      {"StartAt": "T", "States": {"T": {"Type": "Task",
        "Resource": "arn:aws:states:::events:putEvents.waitForTaskToken", "TimeoutSeconds": 60,
        "Parameters": {"Entries": [{"Source": "s", "DetailType": "d",
          "Detail": {"token.$": "$$.Task.Token", "n.$": "$.n"}}]}, "Next": "After"},
        "After": {"Type": "Pass", "Result": "after", "ResultPath": "$.after", "End": true}}}
      """;

  @TempDir Path dataDirectory;
  private RestartableEngine stack;

  @AfterEach
  void close() {
    if (stack != null) {
      stack.close();
    }
  }

  private String createWaiting() {
    return stack
        .sfn
        .createStateMachine(b -> b.name("waiting").definition(WAITING).roleArn(EngineFixture.ROLE))
        .stateMachineArn();
  }

  private String awaitToken(int count) {
    await().atMost(Duration.ofSeconds(10)).until(() -> stack.bus.details("d").size() >= count);
    return stack.bus.details("d").get(count - 1).path("token").asText();
  }

  private DescribeExecutionResponse awaitEnd(String arn) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                stack.sfn.describeExecution(b -> b.executionArn(arn)).status()
                    != ExecutionStatus.RUNNING);
    return stack.sfn.describeExecution(b -> b.executionArn(arn));
  }

  private List<HistoryEvent> history(String arn) {
    return stack.sfn.getExecutionHistory(b -> b.executionArn(arn).maxResults(1000)).events();
  }

  @Test
  void stateMachinesTagsAndEndedExecutionsWithTheirHistorySurvive() {
    stack = new RestartableEngine(dataDirectory);
    String machine =
        stack
            .sfn
            .createStateMachine(
                b ->
                    b.name("greeter")
                        .definition(
                            "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\","
                                + "\"Result\":{\"hello\":\"world\"},\"End\":true}}}")
                        .roleArn(EngineFixture.ROLE)
                        .tags(Tag.builder().key("team").value("compute").build()))
            .stateMachineArn();
    String arn =
        stack
            .sfn
            .startExecution(b -> b.stateMachineArn(machine).name("first").input("{\"a\":1}"))
            .executionArn();
    awaitEnd(arn);
    List<HistoryEvent> before = history(arn);

    stack.restart();

    assertThat(stack.sfn.describeStateMachine(b -> b.stateMachineArn(machine)).definition())
        .contains("hello");
    assertThat(stack.sfn.listTagsForResource(b -> b.resourceArn(machine)).tags())
        .containsExactly(Tag.builder().key("team").value("compute").build());
    DescribeExecutionResponse described = stack.sfn.describeExecution(b -> b.executionArn(arn));
    assertThat(described.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(described.output()).isEqualTo("{\"hello\":\"world\"}");
    assertThat(described.input()).isEqualTo("{\"a\":1}");
    assertThat(history(arn)).isEqualTo(before);
    assertThat(
            stack
                .sfn
                .getExecutionHistory(b -> b.executionArn(arn).includeExecutionData(false))
                .events()
                .get(0)
                .executionStartedEventDetails()
                .input())
        .isNull();
    assertThat(stack.sfn.listExecutions(b -> b.stateMachineArn(machine)).executions())
        .extracting(e -> e.executionArn())
        .containsExactly(arn);
  }

  @Test
  void aTokenIssuedBeforeTheRestartCompletesTheExecutionAfterIt() {
    stack = new RestartableEngine(dataDirectory);
    String machine = createWaiting();
    String arn =
        stack.sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"n\":7}")).executionArn();
    String token = awaitToken(1);

    stack.restart();

    assertThat(stack.sfn.describeExecution(b -> b.executionArn(arn)).status())
        .isEqualTo(ExecutionStatus.RUNNING);
    stack.sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"done\":true}"));
    DescribeExecutionResponse ended = awaitEnd(arn);
    assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(ended.output()).isEqualTo("{\"done\":true,\"after\":\"after\"}");
    // The event was put once, before the restart: the worker already had it.
    assertThat(stack.bus.details("d")).hasSize(1);
    List<HistoryEventType> types = history(arn).stream().map(HistoryEvent::type).toList();
    assertThat(types)
        .containsExactly(
            HistoryEventType.EXECUTION_STARTED,
            HistoryEventType.TASK_STATE_ENTERED,
            HistoryEventType.TASK_SCHEDULED,
            HistoryEventType.TASK_STARTED,
            HistoryEventType.TASK_SUBMITTED,
            HistoryEventType.TASK_SUCCEEDED,
            HistoryEventType.TASK_STATE_EXITED,
            HistoryEventType.PASS_STATE_ENTERED,
            HistoryEventType.PASS_STATE_EXITED,
            HistoryEventType.EXECUTION_SUCCEEDED);
    // Answered once: a second answer is refused as AWS refuses it.
    assertThat(
            catchThrowableOfType(
                () -> stack.sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")),
                TaskTimedOutException.class))
        .isNotNull();
  }

  @Test
  void aHardKillKeepsWhatThePeriodicSnapshotHadWritten(@TempDir Path afterKill) throws Exception {
    stack = new RestartableEngine(dataDirectory);
    String machine = createWaiting();
    String arn =
        stack.sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"n\":3}")).executionArn();
    String token = awaitToken(1);
    Path file = dataDirectory.resolve(EnginePersistence.FILE_NAME);
    // The engine keeps running: only its periodic snapshot can have written the token.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Files.exists(file) && Files.readString(file).contains(token));
    Files.copy(file, afterKill.resolve(EnginePersistence.FILE_NAME));

    try (RestartableEngine revived = new RestartableEngine(afterKill)) {
      revived.sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"revived\":true}"));
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  revived.sfn.describeExecution(b -> b.executionArn(arn)).status()
                      == ExecutionStatus.SUCCEEDED);
      assertThat(revived.sfn.describeExecution(b -> b.executionArn(arn)).output())
          .isEqualTo("{\"revived\":true,\"after\":\"after\"}");
      assertThat(revived.bus.entries()).isEmpty();
    }
  }

  @Test
  void aFailedExecutionCanBeRedrivenAfterTheRestartFromTheStateItFailedIn() {
    stack = new RestartableEngine(dataDirectory);
    String machine = createWaiting();
    String arn =
        stack.sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"n\":4}")).executionArn();
    String first = awaitToken(1);
    stack.sfn.sendTaskFailure(b -> b.taskToken(first).error("Worker.Lost").cause("gone"));
    assertThat(awaitEnd(arn).status()).isEqualTo(ExecutionStatus.FAILED);

    stack.restart();

    stack.sfn.redriveExecution(b -> b.executionArn(arn));
    String second = awaitToken(2);
    assertThat(stack.bus.details("d").get(1).path("n").asInt()).isEqualTo(4);
    stack.sfn.sendTaskSuccess(b -> b.taskToken(second).output("{\"again\":true}"));
    DescribeExecutionResponse ended = awaitEnd(arn);
    assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(ended.redriveCount()).isEqualTo(1);
  }

  @Test
  void aTaskTimeoutStillFiresAfterTheRestartAtItsOriginalDeadline() {
    stack = new RestartableEngine(dataDirectory);
    String machine = createWaiting();
    String arn =
        stack.sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"n\":1}")).executionArn();
    awaitToken(1);
    long started = stack.sfn.describeExecution(b -> b.executionArn(arn)).startDate().toEpochMilli();
    stack.clock.advance(Duration.ofSeconds(40));

    stack.restart();

    // 40 s passed before the restart: 21 more reach the 60 s deadline.
    stack.clock.advance(Duration.ofSeconds(21));
    DescribeExecutionResponse ended = awaitEnd(arn);
    assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(ended.error()).isEqualTo("States.Timeout");
    HistoryEvent timedOut =
        history(arn).stream()
            .filter(e -> e.type() == HistoryEventType.TASK_TIMED_OUT)
            .findFirst()
            .orElseThrow();
    assertThat(timedOut.timestamp().toEpochMilli() - started).isEqualTo(61_000);
  }

  @Test
  void heartbeatsAreAcceptedAfterTheRestartAndTheirWindowStillEndsTheTask() {
    stack = new RestartableEngine(dataDirectory);
    String machine =
        stack
            .sfn
            .createStateMachine(
                b ->
                    b.name("beating")
                        .definition(
                            WAITING.replace("\"TimeoutSeconds\": 60", "\"HeartbeatSeconds\": 10"))
                        .roleArn(EngineFixture.ROLE))
            .stateMachineArn();
    String arn =
        stack.sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"n\":2}")).executionArn();
    String token = awaitToken(1);
    stack.clock.advance(Duration.ofSeconds(5));

    stack.restart();

    stack.sfn.sendTaskHeartbeat(b -> b.taskToken(token));
    stack.clock.advance(Duration.ofSeconds(11));
    DescribeExecutionResponse ended = awaitEnd(arn);
    assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(ended.error()).isEqualTo("States.HeartbeatTimeout");
  }

  @Test
  void aDistributedMapKeepsFinishedItemsAndCountsEachItemOnce() {
    try (ComputeCaseStack computeCase = new ComputeCaseStack(dataDirectory)) {
      String machine = computeCase.createMachine();
      ObjectNode request = ComputeCaseStack.request(10);
      request.put("maxConcurrency", 4);
      String arn = computeCase.start(machine, "case-1", request, ComputeCaseStack.items(10));
      // Answer the first 6 items (4 at a time), then restart with 4 waiting.
      for (int answered = 0; answered < 6; answered++) {
        answer(computeCase, awaitItem(computeCase, answered));
      }
      await().until(() -> computeCase.bus.details("ComputeCaseItem").size() == 10);

      computeCase.restart();

      for (int i = 6; i < 10; i++) {
        answer(computeCase, computeCase.bus.details("ComputeCaseItem").get(i));
      }
      DescribeExecutionResponse ended = computeCase.awaitEnd(arn);
      assertThat(ended.status()).as(ended.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(computeCase.bus.details("ComputeCaseItem")).hasSize(10);
      List<MapRunListItem> runs = computeCase.sfn.listMapRuns(b -> b.executionArn(arn)).mapRuns();
      assertThat(runs).hasSize(1);
      String mapRunArn = runs.get(0).mapRunArn();
      var described = computeCase.sfn.describeMapRun(b -> b.mapRunArn(mapRunArn));
      assertThat(described.itemCounts().succeeded()).isEqualTo(10);
      assertThat(described.itemCounts().total()).isEqualTo(10);
      assertThat(described.executionCounts().succeeded()).isEqualTo(10);
      // Each item ran in one child execution, before or after the restart: none was started twice.
      assertThat(
              computeCase
                  .sfn
                  .listExecutions(b -> b.mapRunArn(mapRunArn).maxResults(100))
                  .executions())
          .hasSize(10)
          .allSatisfy(child -> assertThat(child.status()).isEqualTo(ExecutionStatus.SUCCEEDED));
      assertThat(computeCase.sfn.listExecutions(b -> b.stateMachineArn(machine)).executions())
          .hasSize(1);
      // The results hold each item's answer once, those given before the restart too.
      JsonNode manifest = computeCase.manifest("case-1", mapRunArn);
      assertThat(ComputeCaseStack.json(ended.output()).path("resultWriterDetails"))
          .isEqualTo(
              AwsJson.MAPPER
                  .createObjectNode()
                  .put("Bucket", ComputeCaseStack.RESULTS_BUCKET)
                  .put(
                      "Key",
                      ComputeCaseStack.resultsPrefix("case-1")
                          + "/"
                          + mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1)
                          + "/manifest.json"));
      assertThat(manifest.at("/ResultFiles/FAILED")).isEmpty();
      assertThat(manifest.at("/ResultFiles/PENDING")).isEmpty();
      assertThat(computeCase.results(manifest, "SUCCEEDED"))
          .extracting(entry -> ComputeCaseStack.json(entry.path("Output").asText()))
          .containsExactlyInAnyOrderElementsOf(
              IntStream.range(0, 10).mapToObj(i -> ComputeCaseStack.json(answer(i))).toList());
    }
  }

  @Test
  void finishedMapChildrenKeepTheirHistoryThroughRestartsOutsideTheSnapshot() throws Exception {
    stack = new RestartableEngine(dataDirectory);
    String machine =
        stack
            .sfn
            .createStateMachine(
                b ->
                    b.name("passes")
                        .definition(
                            """
                            {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                              "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED",
                                "ExecutionType": "STANDARD"}, "StartAt": "P",
                                "States": {"P": {"Type": "Pass", "End": true}}}}}}
                            """)
                        .roleArn(EngineFixture.ROLE))
            .stateMachineArn();
    String first =
        stack.sfn.startExecution(b -> b.stateMachineArn(machine).input("[1,2,3]")).executionArn();
    awaitEnd(first);
    List<String> firstChildren = childArns(first);
    List<List<HistoryEvent>> before = firstChildren.stream().map(this::history).toList();
    assertThat(before).allSatisfy(events -> assertThat(events).hasSize(4));

    stack.restart();

    assertThat(firstChildren.stream().map(this::history).toList()).isEqualTo(before);
    // The snapshot lists none of the finished children: it covers them in the log, where each is
    // one line whose history lies in the history file.
    JsonNode snapshot =
        AwsJson.MAPPER.readTree(dataDirectory.resolve(EnginePersistence.FILE_NAME).toFile());
    assertThat(snapshot.path("children")).isEmpty();
    Path log = dataDirectory.resolve(EnginePersistence.CLOSED_CHILDREN_FILE_NAME);
    assertThat(snapshot.path("closedChildrenLength").asLong()).isEqualTo(Files.size(log));
    assertThat(Files.readAllLines(log))
        .hasSize(3)
        .allSatisfy(
            line -> {
              JsonNode child = AwsJson.MAPPER.readTree(line);
              assertThat(child.path("history")).isEmpty();
              assertThat(child.path("spilledHistory").path("count").asInt()).isEqualTo(4);
            });

    // Histories written after a restart go after the ones the snapshot refers to.
    String second =
        stack.sfn.startExecution(b -> b.stateMachineArn(machine).input("[4,5]")).executionArn();
    awaitEnd(second);
    List<String> secondChildren = childArns(second);
    List<List<HistoryEvent>> secondBefore = secondChildren.stream().map(this::history).toList();

    stack.restart();

    assertThat(firstChildren.stream().map(this::history).toList()).isEqualTo(before);
    assertThat(secondChildren.stream().map(this::history).toList()).isEqualTo(secondBefore);
    assertThat(stack.sfn.describeExecution(b -> b.executionArn(secondChildren.get(0))).output())
        .isIn("4", "5");
    assertThat(stack.sfn.listExecutions(b -> b.mapRunArn(mapRunOf(second))).executions())
        .hasSize(2);
    assertThat(Files.readAllLines(log)).hasSize(5);
  }

  private String mapRunOf(String executionArn) {
    return stack.sfn.listMapRuns(b -> b.executionArn(executionArn)).mapRuns().get(0).mapRunArn();
  }

  @Test
  void aRunningMapRunGoesOnAfterARestartWithItsLoggedFinishedChildren() {
    stack = new RestartableEngine(dataDirectory);
    String machine =
        stack
            .sfn
            .createStateMachine(
                b ->
                    b.name("waits")
                        .definition(
                            """
                            {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                              "MaxConcurrency": 2,
                              "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED",
                                "ExecutionType": "STANDARD"}, "StartAt": "T", "States": {
                                "T": {"Type": "Task", "End": true,
                                  "Resource": "arn:aws:states:::events:putEvents.waitForTaskToken",
                                  "Parameters": {"Entries": [{"Source": "s", "DetailType": "d",
                                    "Detail": {"token.$": "$$.Task.Token", "n.$": "$"}}]}}}}}}}
                            """)
                        .roleArn(EngineFixture.ROLE))
            .stateMachineArn();
    String arn =
        stack.sfn.startExecution(b -> b.stateMachineArn(machine).input("[1,2,3,4]")).executionArn();
    for (int i = 1; i <= 2; i++) {
      String token = awaitToken(i);
      int n = stack.bus.details("d").get(i - 1).path("n").asInt();
      stack.sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"answer\":" + n + "}"));
    }
    awaitToken(4);
    String mapRun = mapRunOf(arn);
    List<String> finished =
        stack
            .sfn
            .listExecutions(b -> b.mapRunArn(mapRun).statusFilter(ExecutionStatus.SUCCEEDED))
            .executions()
            .stream()
            .map(e -> e.executionArn())
            .toList();
    assertThat(finished).hasSize(2);
    List<List<HistoryEvent>> before = finished.stream().map(this::history).toList();

    stack.restart();

    assertThat(finished.stream().map(this::history).toList()).isEqualTo(before);
    for (int i = 3; i <= 4; i++) {
      JsonNode detail = stack.bus.details("d").get(i - 1);
      stack.sfn.sendTaskSuccess(
          b ->
              b.taskToken(detail.path("token").asText())
                  .output("{\"answer\":" + detail.path("n").asInt() + "}"));
    }
    DescribeExecutionResponse ended = awaitEnd(arn);
    assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(ended.output())
        .isEqualTo("[{\"answer\":1},{\"answer\":2},{\"answer\":3},{\"answer\":4}]");
    var described = stack.sfn.describeMapRun(b -> b.mapRunArn(mapRun));
    assertThat(described.itemCounts().succeeded()).isEqualTo(4);
    assertThat(described.executionCounts().total()).isEqualTo(4);
    assertThat(stack.sfn.listExecutions(b -> b.mapRunArn(mapRun)).executions())
        .hasSize(4)
        .allSatisfy(child -> assertThat(child.status()).isEqualTo(ExecutionStatus.SUCCEEDED));
    assertThat(stack.bus.details("d")).hasSize(4);

    stack.restart();

    assertThat(stack.sfn.listExecutions(b -> b.mapRunArn(mapRun)).executions()).hasSize(4);
    assertThat(finished.stream().map(this::history).toList()).isEqualTo(before);
  }

  private List<String> childArns(String executionArn) {
    String mapRun =
        stack.sfn.listMapRuns(b -> b.executionArn(executionArn)).mapRuns().get(0).mapRunArn();
    return stack.sfn.listExecutions(b -> b.mapRunArn(mapRun)).executions().stream()
        .map(e -> e.executionArn())
        .sorted()
        .toList();
  }

  private static JsonNode awaitItem(ComputeCaseStack computeCase, int index) {
    await().until(() -> computeCase.bus.details("ComputeCaseItem").size() > index);
    return computeCase.bus.details("ComputeCaseItem").get(index);
  }

  private static void answer(ComputeCaseStack computeCase, JsonNode item) {
    computeCase.sfn.sendTaskSuccess(
        b ->
            b.taskToken(item.path("taskToken").asText())
                .output(answer(item.path("index").asInt())));
  }

  /** The worker's answer for item {@code index}, which is also the item's output. */
  private static String answer(int index) {
    return "{\"index\":" + index + ",\"durationMs\":" + (100 + index) + "}";
  }

  @Test
  void aCorruptSnapshotStopsTheStartNamingTheFileAndKeepsIt() throws Exception {
    Path file = dataDirectory.resolve(EnginePersistence.FILE_NAME);
    Files.writeString(file, "{\"format\": 1, \"executions\": [ {");
    SnapshotException failure =
        catchThrowableOfType(() -> new RestartableEngine(dataDirectory), SnapshotException.class);
    assertThat(failure.getMessage())
        .contains(file.toAbsolutePath().toString())
        .contains("move it away");
    assertThat(Files.readString(file)).isEqualTo("{\"format\": 1, \"executions\": [ {");
  }
}
