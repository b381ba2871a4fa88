package io.computecase.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsJsonServer;
import io.computecase.local.protocol.AwsServiceException;
import io.computecase.local.protocol.RequestFields;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An EventBridge stand-in that records buses, rules and targets (routing is not its job). */
public final class TestingEventBridge implements AutoCloseable {
  static final String PREFIX = "arn:aws:events:us-east-1:000000000000:";
  public final Set<String> buses = ConcurrentHashMap.newKeySet();

  /** Rule name to its PutRule request. */
  public final Map<String, JsonNode> rules = new ConcurrentHashMap<>();

  /** Rule name to its targets, by id. */
  public final Map<String, Map<String, JsonNode>> targets = new ConcurrentHashMap<>();

  private final AwsJsonServer server;

  public TestingEventBridge() {
    server =
        AwsJsonServer.builder("AWSEvents", "1.1")
            .operation("CreateEventBus", this::createEventBus)
            .operation("PutRule", this::putRule)
            .operation("PutTargets", this::putTargets)
            .operation("RemoveTargets", this::removeTargets)
            .operation("DeleteRule", this::deleteRule)
            .start();
  }

  public URI endpoint() {
    return URI.create(server.endpoint());
  }

  private JsonNode createEventBus(JsonNode request) {
    String name = new RequestFields(request).requiredString("Name");
    if (!buses.add(name)) {
      throw new AwsServiceException(
          "ResourceAlreadyExistsException", "Event bus " + name + " already exists.");
    }
    return AwsJson.MAPPER.createObjectNode().put("EventBusArn", PREFIX + "event-bus/" + name);
  }

  private JsonNode putRule(JsonNode request) {
    RequestFields f = new RequestFields(request);
    String bus = f.optionalString("EventBusName").orElse("default");
    if (!bus.equals("default") && !buses.contains(bus)) {
      throw new AwsServiceException(
          "ResourceNotFoundException", "Event bus " + bus + " does not exist.");
    }
    String name = f.requiredString("Name");
    rules.put(name, request);
    return AwsJson.MAPPER.createObjectNode().put("RuleArn", PREFIX + "rule/" + bus + "/" + name);
  }

  private JsonNode putTargets(JsonNode request) {
    RequestFields f = new RequestFields(request);
    String rule = f.requiredString("Rule");
    if (!rules.containsKey(rule)) {
      throw new AwsServiceException(
          "ResourceNotFoundException", "Rule " + rule + " does not exist.");
    }
    request
        .path("Targets")
        .forEach(
            t ->
                targets
                    .computeIfAbsent(rule, r -> new ConcurrentHashMap<>())
                    .put(t.path("Id").asText(), t));
    ObjectNode out = AwsJson.MAPPER.createObjectNode();
    out.put("FailedEntryCount", 0);
    out.putArray("FailedEntries");
    return out;
  }

  private JsonNode removeTargets(JsonNode request) {
    String rule = new RequestFields(request).requiredString("Rule");
    var byId = targets.getOrDefault(rule, new ConcurrentHashMap<>());
    request.path("Ids").forEach(id -> byId.remove(id.asText()));
    ObjectNode out = AwsJson.MAPPER.createObjectNode();
    out.put("FailedEntryCount", 0);
    out.putArray("FailedEntries");
    return out;
  }

  private JsonNode deleteRule(JsonNode request) {
    String rule = new RequestFields(request).requiredString("Name");
    if (!targets.getOrDefault(rule, Map.of()).isEmpty()) {
      throw new AwsServiceException(
          "ValidationException", "Rule can't be deleted since it has targets.");
    }
    rules.remove(rule);
    targets.remove(rule);
    return AwsJson.MAPPER.createObjectNode();
  }

  @Override
  public void close() {
    server.close();
  }
}
