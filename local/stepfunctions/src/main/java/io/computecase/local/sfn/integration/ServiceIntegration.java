package io.computecase.local.sfn.integration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** One optimized service integration (events, sqs, states): its actions, patterns and calls. */
public interface ServiceIntegration {
  /** The service part of the resource ARN, e.g. "events". */
  String service();

  /** The patterns an action supports; empty when the action is not one of this service's. */
  Set<IntegrationPattern> patterns(String action);

  /**
   * Makes the call; completes with the task's result (for .sync, the job's outcome) or fails with
   * an {@link IntegrationFailure}.
   */
  CompletableFuture<JsonNode> call(TaskCall call);
}
