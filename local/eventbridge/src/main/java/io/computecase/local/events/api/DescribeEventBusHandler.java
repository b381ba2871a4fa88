package io.computecase.local.events.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.events.model.ResourceArns;
import io.computecase.local.events.registry.BusRegistry;
import io.computecase.local.protocol.OperationHandler;
import io.computecase.local.protocol.RequestFields;

/** DescribeEventBus: by name or ARN; no name describes the default bus. */
final class DescribeEventBusHandler implements OperationHandler {
  private final BusRegistry registry;

  DescribeEventBusHandler(BusRegistry registry) {
    this.registry = registry;
  }

  @Override
  public JsonNode handle(JsonNode request) {
    String name =
        ResourceArns.busName(new RequestFields(request).optionalString("Name").orElse(null));
    return WireShapes.bus(registry.bus(name));
  }
}
