package io.computecase.local.sfn.integration.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsJsonService;
import io.computecase.local.protocol.AwsServiceException;
import io.computecase.local.sfn.execution.Execution;
import io.computecase.local.sfn.execution.ExecutionStatus;
import io.computecase.local.sfn.execution.StepFunctionsEngine;
import io.computecase.local.sfn.integration.IntegrationFailure;
import io.computecase.local.sfn.integration.IntegrationPattern;
import io.computecase.local.sfn.integration.ServiceIntegration;
import io.computecase.local.sfn.integration.TaskCall;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code arn:aws:states:::states:startExecution}: starts another execution of this engine; with
 * {@code .sync} / {@code .sync:2} the task ends with the child's end (output as a string or as
 * JSON), with {@code .waitForTaskToken} it waits for the token.
 */
public final class StatesStartExecution implements ServiceIntegration {
  private final AwsJsonService api;
  private final StepFunctionsEngine engine;

  public StatesStartExecution(AwsJsonService api, StepFunctionsEngine engine) {
    this.api = api;
    this.engine = engine;
  }

  @Override
  public String service() {
    return "states";
  }

  @Override
  public Set<IntegrationPattern> patterns(String action) {
    return "startExecution".equals(action) ? EnumSet.allOf(IntegrationPattern.class) : Set.of();
  }

  @Override
  public CompletableFuture<JsonNode> call(TaskCall call) {
    ObjectNode request = AwsJson.MAPPER.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = call.parameters().fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = Character.toLowerCase(field.getKey().charAt(0)) + field.getKey().substring(1);
      JsonNode value = field.getValue();
      request.set(
          key,
          key.equals("input") && !value.isTextual()
              ? AwsJson.MAPPER.getNodeFactory().textNode(value.toString())
              : value);
    }
    JsonNode started;
    try {
      started = api.invoke("StartExecution", request);
    } catch (AwsServiceException e) {
      return CompletableFuture.failedFuture(
          new IntegrationFailure("StepFunctions." + e.code() + "Exception", e.getMessage()));
    }
    String arn = started.get("executionArn").asText();
    Execution child = engine.execution(arn);
    if (call.pattern() != IntegrationPattern.RUN_JOB
        && call.pattern() != IntegrationPattern.RUN_JOB_JSON) {
      ObjectNode result = AwsJson.MAPPER.createObjectNode();
      result.put("ExecutionArn", arn);
      result.put("StartDate", Instant.ofEpochMilli(child.startMillis()).toString());
      return CompletableFuture.completedFuture(result);
    }
    boolean json = call.pattern() == IntegrationPattern.RUN_JOB_JSON;
    return child.ended().thenApply(end -> describe(child, end, json));
  }

  private static JsonNode describe(Execution child, ExecutionStatus end, boolean json) {
    ObjectNode result = AwsJson.MAPPER.createObjectNode();
    result.put("ExecutionArn", child.arn());
    result.put("StateMachineArn", child.revision().stateMachineArn());
    result.put("Name", child.name());
    result.put("Status", end.apiName());
    result.put("StartDate", child.startMillis());
    result.put("StopDate", child.stopMillis());
    if (json) {
      result.set("Input", child.input());
    } else {
      result.put("Input", child.input().toString());
    }
    result.putObject("InputDetails").put("Included", true);
    if (end instanceof ExecutionStatus.Succeeded succeeded) {
      if (json) {
        result.set("Output", succeeded.output());
      } else {
        result.put("Output", succeeded.output().toString());
      }
      result.putObject("OutputDetails").put("Included", true);
      return result;
    }
    if (end instanceof ExecutionStatus.Failed failed) {
      result.put("Error", failed.error());
      result.put("Cause", failed.cause());
    }
    throw new IntegrationFailure("States.TaskFailed", result.toString());
  }
}
