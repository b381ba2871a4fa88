package io.computecase.local.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads members of an AWS JSON request, failing as AWS does with a {@code ValidationException} that
 * names the member when a required one is missing or has the wrong type.
 */
public final class RequestFields {
  private final JsonNode request;

  public RequestFields(JsonNode request) {
    this.request = request;
  }

  public String requiredString(String member) {
    JsonNode value = request.get(member);
    if (value == null || value.isNull()) {
      throw AwsServiceException.validation(
          "1 validation error detected: Value null at '"
              + member
              + "' failed to satisfy constraint: Member must not be null");
    }
    if (!value.isTextual()) {
      throw new AwsServiceException(
          "SerializationException", "Member '" + member + "' must be a string");
    }
    return value.asText();
  }

  public Optional<String> optionalString(String member) {
    JsonNode value = request.get(member);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new AwsServiceException(
          "SerializationException", "Member '" + member + "' must be a string");
    }
    return Optional.of(value.asText());
  }

  public Optional<Integer> optionalInt(String member) {
    JsonNode value = request.get(member);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new AwsServiceException(
          "SerializationException", "Member '" + member + "' must be an integer");
    }
    return Optional.of(value.asInt());
  }

  public Optional<Boolean> optionalBoolean(String member) {
    JsonNode value = request.get(member);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      throw new AwsServiceException(
          "SerializationException", "Member '" + member + "' must be a boolean");
    }
    return Optional.of(value.asBoolean());
  }

  /**
   * A list member, empty when absent; a member of another JSON type, or an element that is not a
   * {@code elementType} ("string" or "structure"), is a {@code SerializationException}, as AWS
   * answers a value its deserializer cannot read.
   */
  public List<JsonNode> optionalList(String member, String elementType) {
    JsonNode value = request.get(member);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new AwsServiceException(
          "SerializationException", "Member '" + member + "' must be a list");
    }
    List<JsonNode> elements = new ArrayList<>();
    for (JsonNode element : value) {
      boolean fits =
          element.isNull()
              || (elementType.equals("string") ? element.isTextual() : element.isObject());
      if (!fits) {
        throw new AwsServiceException(
            "SerializationException",
            "Member '" + member + "' must be a list of " + elementType + "s");
      }
      elements.add(element);
    }
    return elements;
  }

  /** A structure member, or empty; a member of another JSON type is a SerializationException. */
  public Optional<RequestFields> optionalStructure(String member) {
    JsonNode value = request.get(member);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      throw new AwsServiceException(
          "SerializationException", "Member '" + member + "' must be a structure");
    }
    return Optional.of(new RequestFields(value));
  }

  /** The member as a JSON node, or a missing node; never null. */
  public JsonNode node(String member) {
    return request.path(member);
  }
}
