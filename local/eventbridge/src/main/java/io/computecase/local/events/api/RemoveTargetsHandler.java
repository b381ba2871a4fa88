package io.computecase.local.events.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.events.model.ResourceArns;
import io.computecase.local.events.registry.BusRegistry;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsServiceException;
import io.computecase.local.protocol.OperationHandler;
import io.computecase.local.protocol.RequestFields;
import java.util.HashSet;
import java.util.Set;

/** RemoveTargets: by Id; Ids the rule does not have are ignored. */
final class RemoveTargetsHandler implements OperationHandler {
  private final BusRegistry registry;

  RemoveTargetsHandler(BusRegistry registry) {
    this.registry = registry;
  }

  @Override
  public JsonNode handle(JsonNode request) {
    RequestFields fields = new RequestFields(request);
    String bus = ResourceArns.busName(fields.optionalString("EventBusName").orElse(null));
    JsonNode ids = fields.node("Ids");
    if (!ids.isArray() || ids.isEmpty()) {
      throw AwsServiceException.validation(
          "1 validation error detected: Value at 'ids' failed to satisfy constraint: Member must"
              + " have length greater than or equal to 1");
    }
    Set<String> removed = new HashSet<>();
    ids.forEach(id -> removed.add(id.asText()));
    registry.removeTargets(bus, fields.requiredString("Rule"), removed);
    ObjectNode response = AwsJson.MAPPER.createObjectNode().put("FailedEntryCount", 0);
    response.putArray("FailedEntries");
    return response;
  }
}
