package io.computecase.local.sfn.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsJsonService;
import io.computecase.local.protocol.AwsServiceException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** An EventBridge stand-in that keeps every PutEvents entry it is given, answering as AWS does. */
public final class TestingEventBus implements AwsJsonService {
  private final List<JsonNode> entries = new CopyOnWriteArrayList<>();
  private volatile String failWith;

  @Override
  public JsonNode invoke(String operation, JsonNode request) {
    if (!operation.equals("PutEvents")) {
      throw new AwsServiceException("UnknownOperationException", "Unknown operation " + operation);
    }
    if (failWith != null) {
      throw new AwsServiceException(failWith, "The event bus refused the call");
    }
    ObjectNode response = AwsJson.MAPPER.createObjectNode();
    ArrayNode results = response.putArray("Entries");
    for (JsonNode entry : request.get("Entries")) {
      entries.add(entry);
      results.addObject().put("EventId", UUID.randomUUID().toString());
    }
    response.put("FailedEntryCount", 0);
    return response;
  }

  /** Entries put so far, with Detail as the JSON string PutEvents received. */
  public List<JsonNode> entries() {
    return List.copyOf(entries);
  }

  /** Entries whose DetailType is the given one, with their Detail parsed. */
  public List<JsonNode> details(String detailType) {
    return entries.stream()
        .filter(e -> e.path("DetailType").asText().equals(detailType))
        .map(e -> parse(e.get("Detail").asText()))
        .toList();
  }

  /** Makes every later PutEvents fail with this AWS error code. */
  public void failWith(String code) {
    this.failWith = code;
  }

  private static JsonNode parse(String text) {
    try {
      return AwsJson.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
