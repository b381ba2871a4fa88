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
import java.util.List;

/** ListRuleNamesByTarget: the rules of one bus that deliver to a target ARN, in name order. */
final class ListRuleNamesByTargetHandler implements OperationHandler {
  private final BusRegistry registry;

  ListRuleNamesByTargetHandler(BusRegistry registry) {
    this.registry = registry;
  }

  @Override
  public JsonNode handle(JsonNode request) {
    RequestFields fields = new RequestFields(request);
    String targetArn = fields.requiredString("TargetArn");
    String bus = ResourceArns.busName(fields.optionalString("EventBusName").orElse(null));
    List<Rule> rules =
        registry.rules(bus, "").stream()
            .filter(rule -> rule.targets().stream().anyMatch(t -> t.arn().equals(targetArn)))
            .toList();
    PageTokens.Page<Rule> page = PageTokens.page(rules, Rule::name, fields);
    ObjectNode response = AwsJson.MAPPER.createObjectNode();
    ArrayNode names = response.putArray("RuleNames");
    page.items().forEach(rule -> names.add(rule.name()));
    WireShapes.present(response, "NextToken", page.nextToken());
    return response;
  }
}
