package io.computecase.local.events.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.events.model.EventBus;
import io.computecase.local.events.model.EventsException;
import io.computecase.local.events.registry.BusRegistry;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.OperationHandler;
import io.computecase.local.protocol.RequestFields;

/** CreateEventBus: a custom bus (partner buses, with a '/' in the name, are not served locally). */
final class CreateEventBusHandler implements OperationHandler {
  private final BusRegistry registry;

  CreateEventBusHandler(BusRegistry registry) {
    this.registry = registry;
  }

  @Override
  public JsonNode handle(JsonNode request) {
    RequestFields fields = new RequestFields(request);
    String name =
        MemberConstraints.name(
            "name", fields.requiredString("Name"), MemberConstraints.BUS_NAME, 256);
    if (name.contains("/") || fields.optionalString("EventSourceName").isPresent()) {
      throw EventsException.invalid(
          "Event bus "
              + name
              + " is a partner event bus name; the local EventBridge serves only custom buses, "
              + "whose names have no '/' and no EventSourceName.");
    }
    var tags = TagList.read(fields.node("Tags"));
    EventBus bus = registry.createBus(name, fields.optionalString("Description").orElse(null));
    registry.tag(bus.arn(), tags);
    ObjectNode response = AwsJson.MAPPER.createObjectNode().put("EventBusArn", bus.arn());
    if (bus.description() != null) {
      response.put("Description", bus.description());
    }
    return response;
  }
}
