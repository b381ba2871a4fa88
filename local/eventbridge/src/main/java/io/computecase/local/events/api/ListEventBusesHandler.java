package io.computecase.local.events.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.events.model.EventBus;
import io.computecase.local.events.registry.BusRegistry;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.OperationHandler;
import io.computecase.local.protocol.RequestFields;

/** ListEventBuses: in name order, with NamePrefix, Limit and NextToken. */
final class ListEventBusesHandler implements OperationHandler {
  private final BusRegistry registry;

  ListEventBusesHandler(BusRegistry registry) {
    this.registry = registry;
  }

  @Override
  public JsonNode handle(JsonNode request) {
    RequestFields fields = new RequestFields(request);
    PageTokens.Page<EventBus> page =
        PageTokens.page(
            registry.buses(fields.optionalString("NamePrefix").orElse("")), EventBus::name, fields);
    ObjectNode response = AwsJson.MAPPER.createObjectNode();
    ArrayNode buses = response.putArray("EventBuses");
    page.items().forEach(bus -> buses.add(WireShapes.bus(bus)));
    WireShapes.present(response, "NextToken", page.nextToken());
    return response;
  }
}
