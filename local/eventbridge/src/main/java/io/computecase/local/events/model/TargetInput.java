package io.computecase.local.events.model;

/**
 * What a target receives for an event: the whole event, a constant, a part of the event, or a
 * template filled from the event. Compiled once at PutTargets, rendered per delivery.
 */
@FunctionalInterface
public interface TargetInput {
  /** The whole event envelope, EventBridge's default. */
  TargetInput WHOLE_EVENT = (event, ruleName, ruleArn) -> event.json();

  String render(Event event, String ruleName, String ruleArn);
}
