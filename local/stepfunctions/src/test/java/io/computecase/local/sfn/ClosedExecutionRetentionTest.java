package io.computecase.local.sfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.computecase.local.sfn.support.EngineFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;

/**
 * A long-running engine keeps closed executions for a time and up to a count per state machine,
 * then forgets them with their Map Runs and children, as AWS forgets executions after 90 days; a
 * running execution is never forgotten.
 */
class ClosedExecutionRetentionTest {
  private final EngineFixture fixture = new EngineFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  private String runToEnd(String machine) {
    return runToEnd(machine, "{}");
  }

  private String runToEnd(String machine, String input) {
    String arn =
        fixture.sfn.startExecution(b -> b.stateMachineArn(machine).input(input)).executionArn();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                fixture.sfn.describeExecution(b -> b.executionArn(arn)).status()
                    == ExecutionStatus.SUCCEEDED);
    return arn;
  }

  @Test
  void onlyTheNewestClosedExecutionsOfAMachineAreKept() {
    fixture.engine.engine().retainClosed(Duration.ofDays(90), 3);
    String machine =
        fixture.createMachineFromText(
            "kept",
            "{\"StartAt\": \"Done\", \"States\": {\"Done\": {\"Type\": \"Pass\", \"End\": true}}}");
    String waiting =
        fixture.createMachineFromText(
            "waiting",
            "{\"StartAt\": \"Wait\", \"States\": {\"Wait\": {\"Type\": \"Wait\", \"Seconds\": 3600, \"End\": true}}}");
    String open =
        fixture.sfn.startExecution(b -> b.stateMachineArn(waiting).input("{}")).executionArn();

    List<String> closed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      closed.add(runToEnd(machine));
      fixture.clock.advance(Duration.ofSeconds(1));
    }

    assertThat(fixture.sfn.listExecutions(b -> b.stateMachineArn(machine)).executions())
        .extracting(e -> e.executionArn())
        .containsExactlyInAnyOrderElementsOf(closed.subList(2, 5));
    assertThatThrownBy(() -> fixture.sfn.describeExecution(b -> b.executionArn(closed.get(0))))
        .isInstanceOf(ExecutionDoesNotExistException.class);
    assertThat(fixture.sfn.describeExecution(b -> b.executionArn(open)).status())
        .isEqualTo(ExecutionStatus.RUNNING);
  }

  @Test
  void aForgottenExecutionTakesItsMapRunAndItsChildrenWithIt() {
    fixture.engine.engine().retainClosed(Duration.ofDays(90), 1);
    String machine =
        fixture.createMachineFromText(
            "fan-out",
            """
            {"StartAt": "Fan", "States": {"Fan": {
              "Type": "Map", "ItemsPath": "$.items", "End": true,
              "ItemProcessor": {
                "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                "StartAt": "Item", "States": {"Item": {"Type": "Pass", "End": true}}}}}}
            """);
    String first = runToEnd(machine, "{\"items\": [1, 2, 3]}");
    String mapRun =
        fixture.sfn.listMapRuns(b -> b.executionArn(first)).mapRuns().get(0).mapRunArn();
    List<String> children =
        fixture.sfn.listExecutions(b -> b.mapRunArn(mapRun)).executions().stream()
            .map(e -> e.executionArn())
            .toList();
    assertThat(children).hasSize(3);
    fixture.clock.advance(Duration.ofSeconds(1));

    runToEnd(machine, "{\"items\": [4]}");

    assertThatThrownBy(() -> fixture.sfn.describeExecution(b -> b.executionArn(first)))
        .isInstanceOf(ExecutionDoesNotExistException.class);
    assertThatThrownBy(() -> fixture.sfn.describeMapRun(b -> b.mapRunArn(mapRun)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> fixture.sfn.listExecutions(b -> b.mapRunArn(mapRun)))
        .isInstanceOf(ResourceNotFoundException.class);
    for (String child : children) {
      assertThatThrownBy(() -> fixture.sfn.describeExecution(b -> b.executionArn(child)))
          .as(child)
          .isInstanceOf(ExecutionDoesNotExistException.class);
    }
  }

  @Test
  void closedExecutionsOlderThanTheRetentionAreForgotten() {
    fixture.engine.engine().retainClosed(Duration.ofDays(90), 1_000);
    String machine =
        fixture.createMachineFromText(
            "aged",
            "{\"StartAt\": \"Done\", \"States\": {\"Done\": {\"Type\": \"Pass\", \"End\": true}}}");
    String old = runToEnd(machine);
    fixture.clock.advance(Duration.ofDays(91));

    String recent = runToEnd(machine); // executions are weighed as others close

    assertThat(fixture.sfn.listExecutions(b -> b.stateMachineArn(machine)).executions())
        .extracting(e -> e.executionArn())
        .containsExactly(recent);
    assertThatThrownBy(() -> fixture.sfn.describeExecution(b -> b.executionArn(old)))
        .isInstanceOf(ExecutionDoesNotExistException.class);
  }
}
