package io.computecase.local.events.api;

import io.computecase.local.events.model.RuleState;
import java.util.Arrays;

/** Reads the State member of PutRule. */
final class RuleStates {
  private RuleStates() {}

  static RuleState parse(String value) {
    return Arrays.stream(RuleState.values())
        .filter(s -> s.name().equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                MemberConstraints.violation(
                    value,
                    "state",
                    "Member must satisfy enum value set: " + Arrays.toString(RuleState.values())));
  }
}
