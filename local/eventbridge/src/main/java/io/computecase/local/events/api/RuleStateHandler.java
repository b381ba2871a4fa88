package io.computecase.local.events.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.events.model.ResourceArns;
import io.computecase.local.events.model.RuleState;
import io.computecase.local.events.registry.BusRegistry;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.OperationHandler;
import io.computecase.local.protocol.RequestFields;

/** EnableRule and DisableRule: a disabled rule stays but matches nothing. */
final class RuleStateHandler implements OperationHandler {
  private final BusRegistry registry;
  private final RuleState state;

  RuleStateHandler(BusRegistry registry, RuleState state) {
    this.registry = registry;
    this.state = state;
  }

  @Override
  public JsonNode handle(JsonNode request) {
    RequestFields fields = new RequestFields(request);
    String bus = ResourceArns.busName(fields.optionalString("EventBusName").orElse(null));
    registry.setState(bus, fields.requiredString("Name"), state);
    return AwsJson.MAPPER.createObjectNode();
  }
}
