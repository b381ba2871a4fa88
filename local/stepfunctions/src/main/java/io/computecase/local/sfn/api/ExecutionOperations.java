package io.computecase.local.sfn.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsServiceException;
import io.computecase.local.protocol.RequestFields;
import io.computecase.local.sfn.errors.EngineError;
import io.computecase.local.sfn.errors.EngineException;
import io.computecase.local.sfn.execution.Execution;
import io.computecase.local.sfn.execution.ExecutionStatus;
import io.computecase.local.sfn.execution.MapRun;
import io.computecase.local.sfn.execution.PayloadLimits;
import io.computecase.local.sfn.execution.StepFunctionsEngine;
import io.computecase.local.sfn.machines.StateMachine;
import io.computecase.local.sfn.machines.StateMachineCatalog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** StartExecution, DescribeExecution, StopExecution, ListExecutions. */
final class ExecutionOperations {
  private final StepFunctionsEngine engine;
  private final StateMachineCatalog catalog;

  ExecutionOperations(StepFunctionsEngine engine, StateMachineCatalog catalog) {
    this.engine = engine;
    this.catalog = catalog;
  }

  static Execution find(StepFunctionsEngine engine, String arn) {
    Execution execution = engine.execution(arn);
    if (execution == null) {
      throw new EngineException(
          EngineError.EXECUTION_DOES_NOT_EXIST, "Execution Does Not Exist: '" + arn + "'");
    }
    return execution;
  }

  JsonNode start(JsonNode request) {
    Execution execution = startExecution(request);
    ObjectNode response = ApiShapes.object();
    response.put("executionArn", execution.arn());
    ApiShapes.timestamp(response, "startDate", execution.startMillis());
    return response;
  }

  /**
   * Starts (or, for the same name and input while it runs, finds again) an execution, as AWS's
   * StartExecution idempotency works.
   */
  Execution startExecution(JsonNode request) {
    RequestFields fields = new RequestFields(request);
    String machineArn = ResourceNames.arn(fields.requiredString("stateMachineArn"), "stateMachine");
    String name =
        ResourceNames.name(
            fields.optionalString("name").orElseGet(() -> UUID.randomUUID().toString()));
    String inputText = fields.optionalString("input").orElse("{}");
    JsonNode input = parseInput(inputText);
    String traceHeader = fields.optionalString("traceHeader").orElse(null);
    StateMachine machine = catalog.get(machineArn);
    // Express executions live under their own ARN type, with a unique suffix, as on AWS.
    String arn =
        machine.type().equals("EXPRESS")
            ? engine.arn("express", machine.name() + ":" + name + ":" + UUID.randomUUID())
            : engine.arn("execution", machine.name() + ":" + name);
    Execution created =
        new Execution(
            arn, name, machine.revision(), input, engine.clock().millis(), null, traceHeader);
    Execution registered = engine.register(created);
    if (registered != created) {
      if (registered.status().open() && registered.input().equals(input)) {
        return registered;
      }
      throw new EngineException(
          EngineError.EXECUTION_ALREADY_EXISTS, "Execution Already Exists: '" + arn + "'");
    }
    engine.launch(created);
    return created;
  }

  private static final List<String> STATUS_FILTERS =
      List.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE");
  private static final List<String> REDRIVE_FILTERS = List.of("REDRIVEN", "NOT_REDRIVEN");

  /** A value outside the member's enum is a ValidationException, in AWS's words. */
  private static void enumValue(String member, String value, List<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      throw AwsServiceException.validation(
          "1 validation error detected: Value '"
              + value
              + "' at '"
              + member
              + "' failed to satisfy constraint: Member must satisfy enum value set: "
              + allowed);
    }
  }

  static JsonNode parseInput(String inputText) {
    if (inputText.getBytes(StandardCharsets.UTF_8).length > PayloadLimits.MAX_BYTES) {
      throw AwsServiceException.validation(
          "1 validation error detected: Value at 'input' failed to satisfy constraint: Member must"
              + " have length less than or equal to "
              + PayloadLimits.MAX_BYTES);
    }
    try {
      JsonNode input = AwsJson.MAPPER.readTree(inputText);
      // Jackson reads an empty text as a missing node, not as null
      if (input == null || input.isMissingNode()) {
        throw new EngineException(
            EngineError.INVALID_EXECUTION_INPUT,
            "Invalid State Machine Execution Input: 'The input is empty; give a JSON value such as"
                + " {}'");
      }
      return input;
    } catch (JsonProcessingException e) {
      throw new EngineException(
          EngineError.INVALID_EXECUTION_INPUT,
          "Invalid State Machine Execution Input: '" + e.getOriginalMessage() + "'");
    }
  }

  JsonNode describe(JsonNode request) {
    String arn =
        ResourceNames.arn(new RequestFields(request).requiredString("executionArn"), "execution");
    Execution execution = find(engine, arn);
    ObjectNode response = ApiShapes.object();
    summary(execution, response);
    response.put("input", execution.input().toString());
    response.putObject("inputDetails").put("included", true);
    ExecutionStatus status = execution.status();
    if (status instanceof ExecutionStatus.Succeeded succeeded) {
      response.put("output", succeeded.output().toString());
      response.putObject("outputDetails").put("included", true);
    }
    ErrorAndCause.of(status).write(response);
    if (execution.traceHeader() != null) {
      response.put("traceHeader", execution.traceHeader());
    }
    response.put("redriveCount", execution.redriveCount());
    ApiShapes.timestamp(response, "redriveDate", execution.redriveMillis());
    boolean redrivable =
        !status.open()
            && !(status instanceof ExecutionStatus.Succeeded)
            && execution.mapRun() == null;
    response.put("redriveStatus", redrivable ? "REDRIVABLE" : "NOT_REDRIVABLE");
    if (!redrivable) {
      response.put(
          "redriveStatusReason", "Execution is " + status.apiName() + " and cannot be redriven");
    }
    return response;
  }

  JsonNode redrive(JsonNode request) {
    String arn =
        ResourceNames.arn(new RequestFields(request).requiredString("executionArn"), "execution");
    Execution execution = find(engine, arn);
    engine.redrive(execution);
    ObjectNode response = ApiShapes.object();
    ApiShapes.timestamp(response, "redriveDate", execution.redriveMillis());
    return response;
  }

  JsonNode stop(JsonNode request) {
    RequestFields fields = new RequestFields(request);
    String arn = ResourceNames.arn(fields.requiredString("executionArn"), "execution");
    Execution execution = find(engine, arn);
    engine.abort(
        execution,
        fields.optionalString("error").orElse(null),
        fields.optionalString("cause").orElse(null));
    ObjectNode response = ApiShapes.object();
    ApiShapes.timestamp(response, "stopDate", execution.stopMillis());
    return response;
  }

  JsonNode list(JsonNode request) {
    RequestFields fields = new RequestFields(request);
    String machineArn = fields.optionalString("stateMachineArn").orElse(null);
    String mapRunArn = fields.optionalString("mapRunArn").orElse(null);
    if ((machineArn == null) == (mapRunArn == null)) {
      throw AwsServiceException.validation(
          "Must provide a StateMachine ARN or a MapRun ARN, but not both");
    }
    List<Execution> all;
    if (mapRunArn != null) {
      MapRun run = engine.mapRun(ResourceNames.arn(mapRunArn, "mapRun"));
      if (run == null) {
        throw new EngineException(
            EngineError.RESOURCE_NOT_FOUND, "Resource Not Found: '" + mapRunArn + "'");
      }
      all = new ArrayList<>(run.children());
    } else {
      catalog.get(ResourceNames.arn(machineArn, "stateMachine"));
      all = new ArrayList<>(engine.executionsOf(machineArn));
    }
    String statusFilter = fields.optionalString("statusFilter").orElse(null);
    enumValue("statusFilter", statusFilter, STATUS_FILTERS);
    enumValue(
        "redriveFilter", fields.optionalString("redriveFilter").orElse(null), REDRIVE_FILTERS);
    if (statusFilter != null) {
      all.removeIf(e -> !e.status().apiName().equals(statusFilter));
    }
    String redriveFilter = fields.optionalString("redriveFilter").orElse(null);
    if ("REDRIVEN".equals(redriveFilter)) {
      all.removeIf(e -> e.redriveCount() == 0);
    } else if ("NOT_REDRIVEN".equals(redriveFilter)) {
      all.removeIf(e -> e.redriveCount() > 0);
    }
    all.sort(Comparator.comparingLong(Execution::startMillis).reversed());
    ObjectNode response = ApiShapes.object();
    List<Execution> page =
        ApiShapes.page(
            all,
            fields.optionalInt("maxResults").orElse(null),
            fields.optionalString("nextToken").orElse(null),
            response);
    ArrayNode executions = response.putArray("executions");
    for (Execution execution : page) {
      summary(execution, executions.addObject());
    }
    return response;
  }

  private static void summary(Execution execution, ObjectNode node) {
    node.put("executionArn", execution.arn());
    node.put("stateMachineArn", execution.revision().stateMachineArn());
    node.put("name", execution.name());
    node.put("status", execution.status().apiName());
    ApiShapes.timestamp(node, "startDate", execution.startMillis());
    if (!execution.status().open()) {
      ApiShapes.timestamp(node, "stopDate", execution.stopMillis());
    }
    if (execution.mapRun() != null) {
      node.put("mapRunArn", execution.mapRun().arn());
    }
    node.put("redriveCount", execution.redriveCount());
    ApiShapes.timestamp(node, "redriveDate", execution.redriveMillis());
  }
}
