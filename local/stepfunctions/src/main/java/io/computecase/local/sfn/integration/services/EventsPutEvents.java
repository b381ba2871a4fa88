package io.computecase.local.sfn.integration.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsJsonService;
import io.computecase.local.sfn.integration.IntegrationFailure;
import io.computecase.local.sfn.integration.IntegrationPattern;
import io.computecase.local.sfn.integration.ServiceIntegration;
import io.computecase.local.sfn.integration.TaskCall;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code arn:aws:states:::events:putEvents}: sends the Entries to EventBridge's PutEvents, with an
 * object Detail serialized to the JSON string PutEvents takes and the execution and state machine
 * ARNs appended to Resources; fails with EventBridge.FailedEntry when any entry was not put, as AWS
 * does.
 */
public final class EventsPutEvents implements ServiceIntegration {
  private final AwsJsonService events;
  private final Executor executor;

  public EventsPutEvents(AwsJsonService events, Executor executor) {
    this.events = events;
    this.executor = executor;
  }

  @Override
  public String service() {
    return "events";
  }

  @Override
  public Set<IntegrationPattern> patterns(String action) {
    return "putEvents".equals(action)
        ? EnumSet.of(IntegrationPattern.REQUEST_RESPONSE, IntegrationPattern.WAIT_FOR_TASK_TOKEN)
        : Set.of();
  }

  @Override
  public CompletableFuture<JsonNode> call(TaskCall call) {
    JsonNode entries = call.parameters().get("Entries");
    if (entries == null || !entries.isArray()) {
      return CompletableFuture.failedFuture(
          new IntegrationFailure(
              "States.Runtime",
              "The field 'Entries' is required by events:putEvents and must be an array of"
                  + " events."));
    }
    ObjectNode request = AwsJson.MAPPER.createObjectNode();
    ArrayNode out = request.putArray("Entries");
    for (JsonNode entry : entries) {
      ObjectNode copy = entry.deepCopy();
      JsonNode detail = copy.get("Detail");
      if (detail != null && !detail.isTextual()) {
        copy.put("Detail", detail.toString());
      }
      ArrayNode resources =
          copy.get("Resources") instanceof ArrayNode existing
              ? existing
              : copy.putArray("Resources");
      // AWS's optimized integration appends both ARNs to every entry's Resources.
      resources.add(call.executionArn());
      resources.add(call.stateMachineArn());
      out.add(copy);
    }
    return AwsServiceCalls.invoke(events, "EventBridge", "PutEvents", request, executor)
        .thenApply(
            response -> {
              if (response.path("FailedEntryCount").asInt(0) > 0) {
                throw new IntegrationFailure(
                    "EventBridge.FailedEntry",
                    "The request failed because at least one of the entries failed: " + response);
              }
              return response;
            });
  }
}
