package io.computecase.local.sfn.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsServiceException;
import io.computecase.local.protocol.RequestFields;
import io.computecase.local.sfn.definition.DefinitionParser;
import io.computecase.local.sfn.definition.Diagnostic;
import io.computecase.local.sfn.errors.EngineError;
import io.computecase.local.sfn.errors.EngineException;
import io.computecase.local.sfn.execution.Execution;
import io.computecase.local.sfn.execution.MachineRevision;
import io.computecase.local.sfn.execution.StepFunctionsEngine;
import io.computecase.local.sfn.machines.StateMachine;
import io.computecase.local.sfn.machines.StateMachineCatalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CreateStateMachine, DescribeStateMachine, ListStateMachines, Update, Delete, Validate. */
final class StateMachineOperations {
  private final StepFunctionsEngine engine;
  private final StateMachineCatalog catalog;

  StateMachineOperations(StepFunctionsEngine engine, StateMachineCatalog catalog) {
    this.engine = engine;
    this.catalog = catalog;
  }

  JsonNode create(JsonNode request) {
    RequestFields fields = new RequestFields(request);
    String name = ResourceNames.name(fields.requiredString("name"));
    String definition = fields.requiredString("definition");
    String roleArn = fields.requiredString("roleArn");
    String type = fields.optionalString("type").orElse("STANDARD");
    if (!type.equals("STANDARD") && !type.equals("EXPRESS")) {
      throw AwsServiceException.validation(
          "1 validation error detected: Value '"
              + type
              + "' at 'type' failed to satisfy constraint: Member must satisfy enum value set:"
              + " [STANDARD, EXPRESS]");
    }
    // every member is read before the machine exists: a bad one must leave nothing behind
    Map<String, String> tags = TagOperations.read(fields);
    Optional<JsonNode> logging = logging(fields);
    Optional<Boolean> tracing = tracing(fields);
    StateMachine machine = catalog.create(name, definition, roleArn, type);
    TagOperations.apply(machine.arn(), machine.tags(), tags);
    logging.ifPresent(configuration -> machine.loggingConfiguration(configuration.toString()));
    machine.tracingEnabled(tracing.orElse(false));
    ObjectNode response = ApiShapes.object();
    response.put("stateMachineArn", machine.arn());
    ApiShapes.timestamp(response, "creationDate", machine.creationMillis());
    return response;
  }

  /** The loggingConfiguration member, its members of AWS's types; empty when absent. */
  private static Optional<JsonNode> logging(RequestFields fields) {
    Optional<RequestFields> logging = fields.optionalStructure("loggingConfiguration");
    logging.ifPresent(
        members -> {
          members.optionalString("level");
          members.optionalBoolean("includeExecutionData");
          members.optionalList("destinations", "structure");
        });
    return logging.map(members -> fields.node("loggingConfiguration"));
  }

  /** tracingConfiguration.enabled; empty when the configuration is absent. */
  private static Optional<Boolean> tracing(RequestFields fields) {
    return fields
        .optionalStructure("tracingConfiguration")
        .map(members -> members.optionalBoolean("enabled").orElse(false));
  }

  JsonNode describe(JsonNode request) {
    String arn =
        ResourceNames.arn(
            new RequestFields(request).requiredString("stateMachineArn"), "stateMachine");
    StateMachine machine = catalog.get(arn);
    MachineRevision revision = machine.revision();
    ObjectNode response = ApiShapes.object();
    response.put("stateMachineArn", machine.arn());
    response.put("name", machine.name());
    response.put("status", "ACTIVE");
    response.put("definition", revision.definitionText());
    response.put("roleArn", revision.roleArn());
    response.put("type", machine.type());
    ApiShapes.timestamp(response, "creationDate", machine.creationMillis());
    response.set("loggingConfiguration", logging(machine));
    response.putObject("tracingConfiguration").put("enabled", machine.tracingEnabled());
    response.put("revisionId", revision.revisionId());
    return response;
  }

  JsonNode list(JsonNode request) {
    RequestFields fields = new RequestFields(request);
    ObjectNode response = ApiShapes.object();
    List<StateMachine> page =
        ApiShapes.page(
            catalog.list(),
            fields.optionalInt("maxResults").orElse(null),
            fields.optionalString("nextToken").orElse(null),
            response);
    ArrayNode machines = response.putArray("stateMachines");
    for (StateMachine machine : page) {
      ObjectNode item = machines.addObject();
      item.put("stateMachineArn", machine.arn());
      item.put("name", machine.name());
      item.put("type", machine.type());
      ApiShapes.timestamp(item, "creationDate", machine.creationMillis());
    }
    return response;
  }

  JsonNode update(JsonNode request) {
    RequestFields fields = new RequestFields(request);
    String arn = ResourceNames.arn(fields.requiredString("stateMachineArn"), "stateMachine");
    String definition = fields.optionalString("definition").orElse(null);
    String roleArn = fields.optionalString("roleArn").orElse(null);
    JsonNode logging = logging(fields).orElse(null);
    Boolean tracing = tracing(fields).orElse(null);
    if (definition == null && roleArn == null && logging == null && tracing == null) {
      throw new EngineException(
          EngineError.VALIDATION,
          "Either the definition, the roleArn, the loggingConfiguration or the tracingConfiguration"
              + " must be specified");
    }
    MachineRevision revision = catalog.update(arn, definition, roleArn);
    StateMachine machine = catalog.get(arn);
    if (logging != null) {
      machine.loggingConfiguration(logging.toString());
    }
    if (tracing != null) {
      machine.tracingEnabled(tracing);
    }
    ObjectNode response = ApiShapes.object();
    ApiShapes.timestamp(response, "updateDate", revision.updateMillis());
    response.put("revisionId", revision.revisionId());
    return response;
  }

  JsonNode delete(JsonNode request) {
    String arn =
        ResourceNames.arn(
            new RequestFields(request).requiredString("stateMachineArn"), "stateMachine");
    catalog.delete(arn);
    return ApiShapes.object();
  }

  JsonNode validate(JsonNode request) {
    RequestFields fields = new RequestFields(request);
    String definition = fields.requiredString("definition");
    fields.optionalString("type");
    fields.optionalString("severity");
    List<Diagnostic> diagnostics = DefinitionParser.validate(definition);
    ObjectNode response = ApiShapes.object();
    response.put("result", diagnostics.isEmpty() ? "OK" : "FAIL");
    ArrayNode list = response.putArray("diagnostics");
    int max = fields.optionalInt("maxResults").orElse(100);
    for (Diagnostic d :
        diagnostics.subList(0, Math.min(max <= 0 ? 100 : max, diagnostics.size()))) {
      ObjectNode item = list.addObject();
      item.put("severity", d.severity());
      item.put("code", d.code());
      item.put("message", d.message());
      item.put("location", d.location());
    }
    response.put("truncated", diagnostics.size() > list.size());
    return response;
  }

  JsonNode describeForExecution(JsonNode request) {
    String arn =
        ResourceNames.arn(new RequestFields(request).requiredString("executionArn"), "execution");
    Execution execution = ExecutionOperations.find(engine, arn);
    MachineRevision revision = execution.revision();
    ObjectNode response = ApiShapes.object();
    response.put("stateMachineArn", revision.stateMachineArn());
    response.put("name", revision.stateMachineName());
    response.put("definition", revision.definitionText());
    response.put("roleArn", revision.roleArn());
    ApiShapes.timestamp(response, "updateDate", revision.updateMillis());
    if (execution.mapRun() != null) {
      response.put("mapRunArn", execution.mapRun().arn());
    }
    if (revision.revisionId() != null) {
      response.put("revisionId", revision.revisionId());
    }
    StateMachine machine = catalog.find(revision.stateMachineArn());
    response.set("loggingConfiguration", machine == null ? defaultLogging() : logging(machine));
    response
        .putObject("tracingConfiguration")
        .put("enabled", machine != null && machine.tracingEnabled());
    return response;
  }

  private static JsonNode logging(StateMachine machine) {
    if (machine.loggingConfiguration() == null) {
      return defaultLogging();
    }
    try {
      return AwsJson.MAPPER.readTree(machine.loggingConfiguration());
    } catch (Exception e) {
      return defaultLogging();
    }
  }

  private static ObjectNode defaultLogging() {
    ObjectNode node = ApiShapes.object();
    node.put("level", "OFF");
    node.put("includeExecutionData", false);
    return node;
  }
}
