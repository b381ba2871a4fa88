package io.computecase.local.events.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.computecase.local.events.model.EventsException;
import io.computecase.local.events.registry.BusRegistry;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsServiceException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads and writes the Tags member: a list of {Key, Value}. */
final class TagList {
  private TagList() {}

  static Map<String, String> read(JsonNode tags) {
    Map<String, String> read = new LinkedHashMap<>();
    if (tags.isMissingNode() || tags.isNull()) {
      return read;
    }
    if (!tags.isArray()) {
      throw new AwsServiceException(
          "SerializationException", "Member 'Tags' must be a list of {Key, Value}");
    }
    for (JsonNode tag : tags) {
      if (!tag.isObject()
          || !(tag.path("Key").isTextual() || tag.path("Key").isMissingNode())
          || !(tag.path("Value").isTextual() || tag.path("Value").isMissingNode())) {
        throw new AwsServiceException(
            "SerializationException", "Member 'Tags' must be a list of {Key, Value} strings");
      }
      String key = tag.path("Key").asText("");
      String value = tag.path("Value").asText(null);
      if (key.isEmpty() || key.length() > 128) {
        throw MemberConstraints.violation(
            key, "tags.member.key", "Member must have length between 1 and 128");
      }
      if (key.startsWith("aws:")) {
        throw AwsServiceException.validation(
            "Tag key '" + key + "' is not valid: keys starting with 'aws:' are reserved for AWS.");
      }
      if (value == null || value.length() > 256) {
        throw MemberConstraints.violation(
            String.valueOf(value),
            "tags.member.value",
            "Member must have length less than or equal to 256 and not be null");
      }
      read.put(key, value);
    }
    if (read.size() > BusRegistry.MAX_TAGS) {
      throw EventsException.limitExceeded(
          "The requested resource exceeds the maximum number allowed: at most "
              + BusRegistry.MAX_TAGS
              + " tags per resource, "
              + read.size()
              + " were given.");
    }
    return read;
  }

  static ArrayNode write(Map<String, String> tags) {
    ArrayNode list = AwsJson.MAPPER.createArrayNode();
    tags.forEach((key, value) -> list.addObject().put("Key", key).put("Value", value));
    return list;
  }
}
