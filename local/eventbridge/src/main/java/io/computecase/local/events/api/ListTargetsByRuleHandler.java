package io.computecase.local.events.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.events.model.ResourceArns;
import io.computecase.local.events.model.Target;
import io.computecase.local.events.registry.BusRegistry;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.OperationHandler;
import io.computecase.local.protocol.RequestFields;
import java.util.Comparator;
import java.util.List;

/** ListTargetsByRule: a rule's targets in Id order, with Limit and NextToken. */
final class ListTargetsByRuleHandler implements OperationHandler {
  private final BusRegistry registry;

  ListTargetsByRuleHandler(BusRegistry registry) {
    this.registry = registry;
  }

  @Override
  public JsonNode handle(JsonNode request) {
    RequestFields fields = new RequestFields(request);
    String bus = ResourceArns.busName(fields.optionalString("EventBusName").orElse(null));
    List<Target> targets =
        registry.rule(bus, fields.requiredString("Rule")).targets().stream()
            .sorted(Comparator.comparing(Target::id))
            .toList();
    PageTokens.Page<Target> page = PageTokens.page(targets, Target::id, fields);
    ObjectNode response = AwsJson.MAPPER.createObjectNode();
    ArrayNode members = response.putArray("Targets");
    page.items().forEach(target -> members.add(WireShapes.target(target)));
    WireShapes.present(response, "NextToken", page.nextToken());
    return response;
  }
}
