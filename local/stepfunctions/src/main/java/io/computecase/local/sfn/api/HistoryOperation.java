package io.computecase.local.sfn.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.RequestFields;
import io.computecase.local.sfn.execution.Execution;
import io.computecase.local.sfn.execution.StepFunctionsEngine;
import io.computecase.local.sfn.execution.history.HistoryEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * GetExecutionHistory: events in AWS's shape, paged, oldest or newest first, with or without data.
 */
final class HistoryOperation {
  private final StepFunctionsEngine engine;

  HistoryOperation(StepFunctionsEngine engine) {
    this.engine = engine;
  }

  JsonNode history(JsonNode request) {
    RequestFields fields = new RequestFields(request);
    String arn = ResourceNames.arn(fields.requiredString("executionArn"), "execution");
    Execution execution = ExecutionOperations.find(engine, arn);
    boolean reverse = fields.optionalBoolean("reverseOrder").orElse(false);
    boolean includeData = fields.optionalBoolean("includeExecutionData").orElse(true);
    List<HistoryEvent> events = new ArrayList<>(execution.history().events());
    if (reverse) {
      Collections.reverse(events);
    }
    ObjectNode response = ApiShapes.object();
    List<HistoryEvent> page =
        ApiShapes.page(
            events,
            fields.optionalInt("maxResults").orElse(null),
            fields.optionalString("nextToken").orElse(null),
            response);
    ArrayNode out = response.putArray("events");
    for (HistoryEvent event : page) {
      ObjectNode node = out.addObject();
      ApiShapes.timestamp(node, "timestamp", event.timestampMillis());
      node.put("type", event.type());
      node.put("id", event.id());
      node.put("previousEventId", event.previousEventId());
      if (event.details() != null) {
        node.set(event.detailsMember(), event.details().render(includeData));
      }
    }
    return response;
  }
}
