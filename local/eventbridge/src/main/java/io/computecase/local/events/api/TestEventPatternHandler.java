package io.computecase.local.events.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.events.model.EventsException;
import io.computecase.local.events.routing.EventPatterns;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.OperationHandler;
import io.computecase.local.protocol.RequestFields;
import java.util.List;

/**
 * TestEventPattern: whether a full event (with the envelope's mandatory fields) matches a pattern.
 */
final class TestEventPatternHandler implements OperationHandler {
  private static final List<String> MANDATORY =
      List.of("id", "account", "source", "time", "region", "detail-type");

  @Override
  public JsonNode handle(JsonNode request) {
    RequestFields fields = new RequestFields(request);
    String pattern = fields.requiredString("EventPattern");
    String event = fields.requiredString("Event");
    EventPatterns.check(pattern);
    JsonNode parsed;
    try {
      parsed = AwsJson.MAPPER.readTree(event);
    } catch (JsonProcessingException e) {
      throw EventsException.invalid(
          "Parameter Event is not valid. Reason: " + e.getOriginalMessage());
    }
    if (parsed == null || !parsed.isObject()) {
      throw EventsException.invalid(
          "Parameter Event is not valid. Reason: the event must be a JSON object.");
    }
    for (String field : MANDATORY) {
      if (!parsed.hasNonNull(field)) {
        throw EventsException.invalid(
            "Parameter Event is not valid. Reason: Provided Event is missing required field "
                + field
                + ".");
      }
    }
    return AwsJson.MAPPER.createObjectNode().put("Result", EventPatterns.matches(event, pattern));
  }
}
