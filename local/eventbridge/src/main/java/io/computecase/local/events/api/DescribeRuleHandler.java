package io.computecase.local.events.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.events.model.ResourceArns;
import io.computecase.local.events.registry.BusRegistry;
import io.computecase.local.protocol.OperationHandler;
import io.computecase.local.protocol.RequestFields;

/** DescribeRule. */
final class DescribeRuleHandler implements OperationHandler {
  private final BusRegistry registry;
  private final ResourceArns arns;

  DescribeRuleHandler(BusRegistry registry, ResourceArns arns) {
    this.registry = registry;
    this.arns = arns;
  }

  @Override
  public JsonNode handle(JsonNode request) {
    RequestFields fields = new RequestFields(request);
    String bus = ResourceArns.busName(fields.optionalString("EventBusName").orElse(null));
    return WireShapes.rule(registry.rule(bus, fields.requiredString("Name")))
        .put("CreatedBy", arns.accountId());
  }
}
