package io.computecase.local.events.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.events.model.ResourceArns;
import io.computecase.local.events.model.Target;
import io.computecase.local.events.registry.BusRegistry;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsServiceException;
import io.computecase.local.protocol.OperationHandler;
import io.computecase.local.protocol.RequestFields;
import java.util.ArrayList;
import java.util.List;

/** PutTargets: adds or replaces (by Id) a rule's targets; every target is checked first. */
final class PutTargetsHandler implements OperationHandler {
  private final BusRegistry registry;
  private final TargetParser parser;

  PutTargetsHandler(BusRegistry registry, TargetParser parser) {
    this.registry = registry;
    this.parser = parser;
  }

  @Override
  public JsonNode handle(JsonNode request) {
    RequestFields fields = new RequestFields(request);
    String rule = fields.requiredString("Rule");
    String bus = ResourceArns.busName(fields.optionalString("EventBusName").orElse(null));
    JsonNode members = fields.node("Targets");
    if (!members.isArray()) {
      throw AwsServiceException.validation(
          "1 validation error detected: Value null at 'targets' failed to satisfy constraint:"
              + " Member must not be null");
    }
    if (members.isEmpty()) {
      throw MemberConstraints.violation(
          "[]", "targets", "Member must have length greater than or equal to 1");
    }
    registry.rule(bus, rule);
    List<Target> targets = new ArrayList<>();
    members.forEach(member -> targets.add(parser.parse(member)));
    registry.putTargets(bus, rule, targets);
    ObjectNode response = AwsJson.MAPPER.createObjectNode().put("FailedEntryCount", 0);
    response.putArray("FailedEntries");
    return response;
  }
}
