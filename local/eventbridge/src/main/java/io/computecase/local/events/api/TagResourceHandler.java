package io.computecase.local.events.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.events.registry.BusRegistry;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.OperationHandler;
import io.computecase.local.protocol.RequestFields;

/** TagResource: adds or replaces tags on a bus or rule. */
final class TagResourceHandler implements OperationHandler {
  private final BusRegistry registry;

  TagResourceHandler(BusRegistry registry) {
    this.registry = registry;
  }

  @Override
  public JsonNode handle(JsonNode request) {
    RequestFields fields = new RequestFields(request);
    registry.tag(fields.requiredString("ResourceARN"), TagList.read(fields.node("Tags")));
    return AwsJson.MAPPER.createObjectNode();
  }
}
