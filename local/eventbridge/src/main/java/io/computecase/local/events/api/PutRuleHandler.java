package io.computecase.local.events.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.events.model.EventsException;
import io.computecase.local.events.model.ResourceArns;
import io.computecase.local.events.model.Rule;
import io.computecase.local.events.model.RuleState;
import io.computecase.local.events.registry.BusRegistry;
import io.computecase.local.events.routing.EventPatterns;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.OperationHandler;
import io.computecase.local.protocol.RequestFields;

/** PutRule: creates or updates a pattern rule; scheduled rules are not served locally. */
final class PutRuleHandler implements OperationHandler {
  /** The API model's bound on EventPattern (AWS's quota starts lower, at 2,048). */
  static final int MAX_PATTERN_LENGTH = 4096;

  private final BusRegistry registry;

  PutRuleHandler(BusRegistry registry) {
    this.registry = registry;
  }

  @Override
  public JsonNode handle(JsonNode request) {
    RequestFields fields = new RequestFields(request);
    String name =
        MemberConstraints.name(
            "name", fields.requiredString("Name"), MemberConstraints.RULE_NAME, 64);
    String bus = ResourceArns.busName(fields.optionalString("EventBusName").orElse(null));
    String pattern = fields.optionalString("EventPattern").orElse(null);
    String schedule = fields.optionalString("ScheduleExpression").orElse(null);
    if (pattern == null && schedule == null) {
      throw EventsException.invalid(
          "Parameter(s) EventPattern or ScheduleExpression must be specified.");
    }
    if (schedule != null) {
      throw EventsException.invalid(
          "ScheduleExpression is not supported by the local EventBridge; give rule "
              + name
              + " an EventPattern.");
    }
    if (pattern.length() > MAX_PATTERN_LENGTH) {
      throw MemberConstraints.violation(
          pattern.substring(0, 64) + "...",
          "eventPattern",
          "Member must have length less than or equal to " + MAX_PATTERN_LENGTH);
    }
    EventPatterns.check(pattern);
    var tags = TagList.read(fields.node("Tags"));
    RuleState state =
        fields.optionalString("State").map(RuleStates::parse).orElse(RuleState.ENABLED);
    Rule rule =
        registry.putRule(
            bus,
            name,
            pattern,
            null,
            state,
            fields.optionalString("Description").orElse(null),
            fields.optionalString("RoleArn").orElse(null));
    registry.tag(rule.arn(), tags);
    return AwsJson.MAPPER.createObjectNode().put("RuleArn", rule.arn());
  }
}
