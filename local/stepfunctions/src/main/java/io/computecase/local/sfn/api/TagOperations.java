package io.computecase.local.sfn.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.RequestFields;
import io.computecase.local.sfn.execution.EngineError;
import io.computecase.local.sfn.execution.EngineException;
import io.computecase.local.sfn.execution.StateMachine;
import io.computecase.local.sfn.execution.StateMachineCatalog;
import java.util.Map;
import java.util.TreeMap;

/** TagResource, UntagResource and ListTagsForResource on state machines. */
final class TagOperations {
  private final StateMachineCatalog catalog;

  TagOperations(StateMachineCatalog catalog) {
    this.catalog = catalog;
  }

  static void apply(Map<String, String> tags, JsonNode list) {
    if (list != null && list.isArray()) {
      for (JsonNode tag : list) {
        tags.put(tag.path("key").asText(), tag.path("value").asText(""));
      }
    }
  }

  JsonNode tag(JsonNode request) {
    apply(machine(request).tags(), request.path("tags"));
    return ApiShapes.object();
  }

  JsonNode untag(JsonNode request) {
    StateMachine machine = machine(request);
    request.path("tagKeys").forEach(key -> machine.tags().remove(key.asText()));
    return ApiShapes.object();
  }

  JsonNode list(JsonNode request) {
    ObjectNode response = ApiShapes.object();
    ArrayNode tags = response.putArray("tags");
    new TreeMap<>(machine(request).tags())
        .forEach((key, value) -> tags.addObject().put("key", key).put("value", value));
    return response;
  }

  private StateMachine machine(JsonNode request) {
    String arn = new RequestFields(request).requiredString("resourceArn");
    StateMachine machine = catalog.find(ResourceNames.arn(arn, "stateMachine"));
    if (machine == null) {
      throw new EngineException(
          EngineError.RESOURCE_NOT_FOUND, "Resource not found: '" + arn + "'");
    }
    return machine;
  }
}
