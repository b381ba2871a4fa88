package io.computecase.operator.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * How one target's queue and rule are set: redrive and visibility of the queue, which case targets
 * the rule takes items from, and an optional extra pattern over the item's content.
 */
public record RoutingSettings(
    int maxReceiveCount,
    Integer visibilityTimeoutSeconds,
    List<String> routeFrom,
    JsonNode itemPattern) {

  /** A plain target: the items of cases naming it only, SQS's default visibility timeout. */
  public static RoutingSettings plain(String target, int maxReceiveCount) {
    return new RoutingSettings(maxReceiveCount, null, List.of(target), null);
  }
}
