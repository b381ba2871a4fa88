package io.computecase.local.events.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.events.model.ResourceArns;
import io.computecase.local.events.registry.BusRegistry;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.OperationHandler;
import io.computecase.local.protocol.RequestFields;

/** DeleteEventBus: removes a custom bus and its rules. */
final class DeleteEventBusHandler implements OperationHandler {
  private final BusRegistry registry;

  DeleteEventBusHandler(BusRegistry registry) {
    this.registry = registry;
  }

  @Override
  public JsonNode handle(JsonNode request) {
    registry.deleteBus(ResourceArns.busName(new RequestFields(request).requiredString("Name")));
    return AwsJson.MAPPER.createObjectNode();
  }
}
