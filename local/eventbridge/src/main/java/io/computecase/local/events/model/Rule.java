package io.computecase.local.events.model;

import java.util.List;

/** A rule on one bus: its event pattern, its state and its targets (immutable; replaced whole). */
public record Rule(
    String name,
    String busName,
    String arn,
    String eventPattern,
    String scheduleExpression,
    RuleState state,
    String description,
    String roleArn,
    List<Target> targets) {

  public Rule {
    targets = List.copyOf(targets);
  }

  public Rule withTargets(List<Target> newTargets) {
    return new Rule(
        name,
        busName,
        arn,
        eventPattern,
        scheduleExpression,
        state,
        description,
        roleArn,
        newTargets);
  }

  public Rule withState(RuleState newState) {
    return new Rule(
        name,
        busName,
        arn,
        eventPattern,
        scheduleExpression,
        newState,
        description,
        roleArn,
        targets);
  }
}
