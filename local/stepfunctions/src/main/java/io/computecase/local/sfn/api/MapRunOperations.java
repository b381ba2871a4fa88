package io.computecase.local.sfn.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsServiceException;
import io.computecase.local.protocol.RequestFields;
import io.computecase.local.sfn.errors.EngineError;
import io.computecase.local.sfn.errors.EngineException;
import io.computecase.local.sfn.execution.Execution;
import io.computecase.local.sfn.execution.MapRun;
import io.computecase.local.sfn.execution.MapRunCounters;
import io.computecase.local.sfn.execution.StepFunctionsEngine;
import java.util.List;

/** ListMapRuns, DescribeMapRun and UpdateMapRun. */
final class MapRunOperations {
  private final StepFunctionsEngine engine;

  MapRunOperations(StepFunctionsEngine engine) {
    this.engine = engine;
  }

  JsonNode list(JsonNode request) {
    RequestFields fields = new RequestFields(request);
    String arn = ResourceNames.arn(fields.requiredString("executionArn"), "execution");
    Execution execution = ExecutionOperations.find(engine, arn);
    ObjectNode response = ApiShapes.object();
    List<MapRun> page =
        ApiShapes.page(
            execution.mapRuns(),
            fields.optionalInt("maxResults").orElse(null),
            fields.optionalString("nextToken").orElse(null),
            response);
    ArrayNode runs = response.putArray("mapRuns");
    for (MapRun run : page) {
      ObjectNode item = runs.addObject();
      item.put("executionArn", run.executionArn());
      item.put("mapRunArn", run.arn());
      item.put("stateMachineArn", execution.revision().stateMachineArn());
      ApiShapes.timestamp(item, "startDate", run.startMillis());
      ApiShapes.timestamp(item, "stopDate", run.stopMillis());
    }
    return response;
  }

  JsonNode describe(JsonNode request) {
    MapRun run = find(new RequestFields(request).requiredString("mapRunArn"));
    ObjectNode response = ApiShapes.object();
    response.put("mapRunArn", run.arn());
    response.put("executionArn", run.executionArn());
    response.put("status", run.status());
    ApiShapes.timestamp(response, "startDate", run.startMillis());
    ApiShapes.timestamp(response, "stopDate", run.stopMillis());
    response.put("maxConcurrency", run.configuredMaxConcurrency());
    response.put("toleratedFailurePercentage", Math.max(0, run.toleratedFailurePercentage()));
    response.put("toleratedFailureCount", Math.max(0, run.toleratedFailureCount()));
    counts(response.putObject("itemCounts"), run.items(), run.resultsWritten());
    counts(response.putObject("executionCounts"), run.executions(), run.executionResultsWritten());
    response.put("redriveCount", run.redriveCount());
    ApiShapes.timestamp(response, "redriveDate", run.redriveMillis());
    return response;
  }

  JsonNode update(JsonNode request) {
    RequestFields fields = new RequestFields(request);
    MapRun run = find(fields.requiredString("mapRunArn"));
    Integer maxConcurrency = fields.optionalInt("maxConcurrency").orElse(null);
    JsonNode percentage = request.get("toleratedFailurePercentage");
    Integer count = fields.optionalInt("toleratedFailureCount").orElse(null);
    if (maxConcurrency == null && percentage == null && count == null) {
      throw AwsServiceException.validation(
          "At least one of maxConcurrency, toleratedFailurePercentage or toleratedFailureCount must"
              + " be specified");
    }
    if (percentage != null
        && (!percentage.isNumber() || percentage.asDouble() < 0 || percentage.asDouble() > 100)) {
      throw AwsServiceException.validation(
          "1 validation error detected: Value at 'toleratedFailurePercentage' failed to satisfy"
              + " constraint: Member must have value between 0 and 100");
    }
    if ((maxConcurrency != null && maxConcurrency < 0) || (count != null && count < 0)) {
      throw AwsServiceException.validation(
          "1 validation error detected: maxConcurrency and toleratedFailureCount must be greater"
              + " than or equal to 0");
    }
    run.update(
        maxConcurrency,
        percentage == null ? null : percentage.asDouble(),
        count == null ? null : count.longValue());
    return ApiShapes.object();
  }

  private MapRun find(String arn) {
    MapRun run = engine.mapRun(ResourceNames.arn(arn, "mapRun"));
    if (run == null) {
      throw new EngineException(
          EngineError.RESOURCE_NOT_FOUND, "Resource Not Found: '" + arn + "'");
    }
    return run;
  }

  private static void counts(ObjectNode node, MapRunCounters counters, long resultsWritten) {
    node.put("pending", counters.pending());
    node.put("running", counters.running());
    node.put("succeeded", counters.succeeded());
    node.put("failed", counters.failed());
    node.put("timedOut", counters.timedOut());
    node.put("aborted", counters.aborted());
    node.put("total", counters.total());
    node.put("resultsWritten", resultsWritten);
    node.put("failuresNotRedrivable", 0);
    node.put("pendingRedrive", 0);
  }
}
