package io.computecase.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsJsonService;
import io.computecase.local.protocol.AwsServiceException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Step Functions API that knows some state machines and records the executions started. */
final class TestingStepFunctions implements AwsJsonService {
  /** An execution started: its state machine and its input. */
  record Started(String stateMachineArn, String input) {}

  private final Set<String> stateMachines;
  private final List<Started> started = new CopyOnWriteArrayList<>();

  TestingStepFunctions(Set<String> stateMachines) {
    this.stateMachines = stateMachines;
  }

  @Override
  public JsonNode invoke(String operation, JsonNode request) {
    if (!operation.equals("StartExecution")) {
      throw new AwsServiceException("UnknownOperationException", "Unknown operation " + operation);
    }
    String arn = request.path("stateMachineArn").asText();
    if (!stateMachines.contains(arn)) {
      throw new AwsServiceException(
          "StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
    }
    started.add(new Started(arn, request.path("input").asText()));
    return AwsJson.MAPPER
        .createObjectNode()
        .put("executionArn", arn.replace(":stateMachine:", ":execution:") + ":" + started.size());
  }

  List<Started> started() {
    return started;
  }
}
