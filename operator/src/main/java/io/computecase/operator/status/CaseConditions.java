package io.computecase.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Sets the standard conditions of a case (Accepted, Running, Complete, Failed) by the Kubernetes
 * conventions: lastTransitionTime moves only when a condition's status flips.
 */
public final class CaseConditions {
  public static final String ACCEPTED = "Accepted";
  public static final String RUNNING = "Running";
  public static final String COMPLETE = "Complete";
  public static final String FAILED = "Failed";
  public static final String SPEC_CHANGE_REFUSED = "SpecChangeRefused";

  private final Clock clock;

  public CaseConditions(Clock clock) {
    this.clock = clock;
  }

  public void set(
      List<Condition> conditions,
      String type,
      boolean status,
      String reason,
      String message,
      Long generation) {
    String value = status ? "True" : "False";
    Condition existing =
        conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    String transition =
        existing != null && value.equals(existing.getStatus())
            ? existing.getLastTransitionTime()
            : Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    Condition updated =
        new ConditionBuilder()
            .withType(type)
            .withStatus(value)
            .withReason(reason)
            .withMessage(message)
            .withObservedGeneration(generation)
            .withLastTransitionTime(transition)
            .build();
    if (existing == null) {
      conditions.add(updated);
    } else {
      conditions.set(conditions.indexOf(existing), updated);
    }
  }

  public static boolean isTrue(List<Condition> conditions, String type) {
    return conditions != null
        && conditions.stream()
            .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
