package io.computecase.local.sfn.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.computecase.local.protocol.AwsJson;

/**
 * The JSON intrinsics: States.StringToJson, States.JsonToString and States.JsonMerge (shallow, as
 * AWS).
 */
final class JsonIntrinsics {
  private JsonIntrinsics() {}

  static JsonNode stringToJson(IntrinsicArguments args) {
    args.expectCount(1);
    String text = args.string(0);
    try {
      JsonNode parsed = AwsJson.MAPPER.readTree(text);
      if (parsed == null || parsed.isMissingNode()) {
        throw args.failure("The value given to States.StringToJson is empty, not a JSON text");
      }
      return parsed;
    } catch (JsonProcessingException e) {
      throw args.failure(
          "The value given to States.StringToJson is not valid JSON: " + e.getOriginalMessage());
    }
  }

  static JsonNode jsonToString(IntrinsicArguments args) {
    args.expectCount(1);
    return new TextNode(args.get(0).toString());
  }

  static JsonNode merge(IntrinsicArguments args) {
    args.expectCount(3);
    ObjectNode first = args.object(0);
    ObjectNode second = args.object(1);
    if (args.bool(2)) {
      throw args.failure(
          "States.JsonMerge supports only a shallow merge: set argument 3 (isDeepMerge) to false");
    }
    ObjectNode merged = JsonNodeFactory.instance.objectNode();
    merged.setAll(first);
    merged.setAll(second);
    return merged;
  }
}
