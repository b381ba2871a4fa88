package io.computecase.local.sfn.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsServiceException;
import io.computecase.local.protocol.RequestFields;
import io.computecase.local.sfn.errors.EngineError;
import io.computecase.local.sfn.errors.EngineException;
import io.computecase.local.sfn.machines.StateMachine;
import io.computecase.local.sfn.machines.StateMachineCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** TagResource, UntagResource and ListTagsForResource on state machines. */
final class TagOperations {
  private final StateMachineCatalog catalog;

  TagOperations(StateMachineCatalog catalog) {
    this.catalog = catalog;
  }

  /** AWS's limit on the tags of one resource. */
  static final int MAX_TAGS = 50;

  /**
   * The {@code tags} member, checked as AWS checks it before anything changes: a list of {key,
   * value} strings, keys of 1 to 128 characters, values of at most 256.
   */
  static Map<String, String> read(RequestFields fields) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (JsonNode tag : fields.optionalList("tags", "structure")) {
      RequestFields members = new RequestFields(tag);
      String key = members.optionalString("key").orElse("");
      String value = members.optionalString("value").orElse("");
      if (key.isEmpty() || key.length() > 128) {
        throw AwsServiceException.validation(
            "1 validation error detected: Value '"
                + key
                + "' at 'tags.member.key' failed to satisfy constraint: Member must have length"
                + " between 1 and 128");
      }
      if (value.length() > 256) {
        throw AwsServiceException.validation(
            "1 validation error detected: Value at 'tags.member.value' failed to satisfy"
                + " constraint: Member must have length less than or equal to 256");
      }
      tags.put(key, value);
    }
    return tags;
  }

  /** Adds tags to a resource's, refusing with TooManyTags what would pass AWS's limit. */
  static void apply(String arn, Map<String, String> tags, Map<String, String> added) {
    Map<String, String> merged = new LinkedHashMap<>(tags);
    merged.putAll(added);
    if (merged.size() > MAX_TAGS) {
      throw new AwsServiceException(
          "TooManyTags",
          "Too many tags: '" + arn + "' would have " + merged.size() + "; at most " + MAX_TAGS);
    }
    tags.putAll(added);
  }

  JsonNode tag(JsonNode request) {
    Map<String, String> added = read(new RequestFields(request));
    StateMachine machine = machine(request);
    apply(machine.arn(), machine.tags(), added);
    return ApiShapes.object();
  }

  JsonNode untag(JsonNode request) {
    List<JsonNode> keys = new RequestFields(request).optionalList("tagKeys", "string");
    StateMachine machine = machine(request);
    keys.forEach(key -> machine.tags().remove(key.asText()));
    return ApiShapes.object();
  }

  JsonNode list(JsonNode request) {
    ObjectNode response = ApiShapes.object();
    ArrayNode tags = response.putArray("tags");
    new TreeMap<>(machine(request).tags())
        .forEach((key, value) -> tags.addObject().put("key", key).put("value", value));
    return response;
  }

  private StateMachine machine(JsonNode request) {
    String arn = new RequestFields(request).requiredString("resourceArn");
    StateMachine machine = catalog.find(ResourceNames.arn(arn, "stateMachine"));
    if (machine == null) {
      throw new EngineException(
          EngineError.RESOURCE_NOT_FOUND, "Resource not found: '" + arn + "'");
    }
    return machine;
  }
}
