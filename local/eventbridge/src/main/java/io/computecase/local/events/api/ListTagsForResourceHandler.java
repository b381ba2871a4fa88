package io.computecase.local.events.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.events.registry.BusRegistry;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.OperationHandler;
import io.computecase.local.protocol.RequestFields;

/** ListTagsForResource: a bus's or rule's tags. */
final class ListTagsForResourceHandler implements OperationHandler {
  private final BusRegistry registry;

  ListTagsForResourceHandler(BusRegistry registry) {
    this.registry = registry;
  }

  @Override
  public JsonNode handle(JsonNode request) {
    String arn = new RequestFields(request).requiredString("ResourceARN");
    return AwsJson.MAPPER.createObjectNode().set("Tags", TagList.write(registry.tags(arn)));
  }
}
