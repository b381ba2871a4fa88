package io.computecase.local.events.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.events.registry.BusRegistry;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.OperationHandler;
import io.computecase.local.protocol.RequestFields;
import java.util.HashSet;
import java.util.Set;

/** UntagResource: removes tags by key; keys the resource does not have are ignored. */
final class UntagResourceHandler implements OperationHandler {
  private final BusRegistry registry;

  UntagResourceHandler(BusRegistry registry) {
    this.registry = registry;
  }

  @Override
  public JsonNode handle(JsonNode request) {
    RequestFields fields = new RequestFields(request);
    Set<String> keys = new HashSet<>();
    fields.optionalList("TagKeys", "string").forEach(key -> keys.add(key.asText()));
    registry.untag(fields.requiredString("ResourceARN"), keys);
    return AwsJson.MAPPER.createObjectNode();
  }
}
