package io.computecase.local.events.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.events.model.ResourceArns;
import io.computecase.local.events.model.Rule;
import io.computecase.local.events.registry.BusRegistry;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.OperationHandler;
import io.computecase.local.protocol.RequestFields;

/** ListRules: one bus's rules in name order, with NamePrefix, Limit and NextToken. */
final class ListRulesHandler implements OperationHandler {
  private final BusRegistry registry;

  ListRulesHandler(BusRegistry registry) {
    this.registry = registry;
  }

  @Override
  public JsonNode handle(JsonNode request) {
    RequestFields fields = new RequestFields(request);
    String bus = ResourceArns.busName(fields.optionalString("EventBusName").orElse(null));
    PageTokens.Page<Rule> page =
        PageTokens.page(
            registry.rules(bus, fields.optionalString("NamePrefix").orElse("")),
            Rule::name,
            fields);
    ObjectNode response = AwsJson.MAPPER.createObjectNode();
    ArrayNode rules = response.putArray("Rules");
    page.items().forEach(rule -> rules.add(WireShapes.rule(rule)));
    WireShapes.present(response, "NextToken", page.nextToken());
    return response;
  }
}
