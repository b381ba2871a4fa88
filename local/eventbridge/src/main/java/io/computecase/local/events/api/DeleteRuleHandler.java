package io.computecase.local.events.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.events.model.ResourceArns;
import io.computecase.local.events.registry.BusRegistry;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.OperationHandler;
import io.computecase.local.protocol.RequestFields;

/** DeleteRule: only once its targets are removed (or with Force). */
final class DeleteRuleHandler implements OperationHandler {
  private final BusRegistry registry;

  DeleteRuleHandler(BusRegistry registry) {
    this.registry = registry;
  }

  @Override
  public JsonNode handle(JsonNode request) {
    RequestFields fields = new RequestFields(request);
    String bus = ResourceArns.busName(fields.optionalString("EventBusName").orElse(null));
    registry.deleteRule(
        bus, fields.requiredString("Name"), fields.optionalBoolean("Force").orElse(false));
    return AwsJson.MAPPER.createObjectNode();
  }
}
