package io.computecase.worker.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalInt;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Unwraps an SQS message whose body is the EventBridge event envelope of a ComputeCase item. */
public final class ItemEventParser {
  static final String ITEM_DETAIL_TYPE = "ComputeCaseItem";

  private final ObjectMapper json;

  public ItemEventParser(ObjectMapper json) {
    this.json = json;
  }

  public ItemEvent parse(Message message) throws MalformedItemException {
    JsonNode body;
    try {
      body = json.readTree(message.body());
    } catch (JsonProcessingException e) {
      throw new MalformedItemException(
          "Message body is not JSON (" + e.getOriginalMessage() + ")", null);
    }
    if (body == null || !body.isObject()) {
      throw new MalformedItemException("Message body is not a JSON object", null);
    }
    JsonNode detail = body.get("detail");
    if (detail == null || !detail.isObject()) {
      throw new MalformedItemException(
          "Message body has no 'detail' object; the queue must be fed by the target's EventBridge"
              + " rule, which delivers the whole event envelope",
          null);
    }
    JsonNode tokenNode = detail.get("taskToken");
    if (tokenNode == null || !tokenNode.isTextual() || tokenNode.asText().isEmpty()) {
      throw new MalformedItemException("detail.taskToken is missing or not a string", null);
    }
    String token = tokenNode.asText();
    JsonNode detailType = body.get("detail-type");
    if (detailType != null && !ITEM_DETAIL_TYPE.equals(detailType.asText())) {
      throw new MalformedItemException(
          "detail-type is '" + detailType.asText() + "', expected '" + ITEM_DETAIL_TYPE + "'",
          token);
    }
    JsonNode index = detail.get("index");
    if (index == null
        || !index.canConvertToLong()
        || !index.isIntegralNumber()
        || index.asLong() < 0) {
      throw new MalformedItemException(
          "detail.index must be the item's position (an integer of 0 or more) but is " + index,
          token);
    }
    JsonNode item = detail.get("item");
    if (item == null || !item.isObject()) {
      throw new MalformedItemException(
          "detail.item must be a JSON object (one element of the case's items) but is " + item,
          token);
    }
    JsonNode parameters = detail.get("parameters");
    if (parameters == null || parameters.isNull()) {
      parameters = json.createObjectNode();
    } else if (!parameters.isObject()) {
      throw new MalformedItemException(
          "detail.parameters must be a JSON object (the case's spec.parameters) but is "
              + parameters,
          token);
    }
    return new ItemEvent(
        message.messageId(),
        message.receiptHandle(),
        receiveCount(message),
        text(detail, "requestId"),
        text(detail, "target"),
        (ObjectNode) parameters,
        text(detail, "traceparent"),
        index.asLong(),
        (ObjectNode) item,
        token,
        heartbeatSeconds(detail, (ObjectNode) parameters, token));
  }

  static int receiveCount(Message message) {
    String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
    try {
      return count == null ? 1 : Integer.parseInt(count);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static String text(JsonNode detail, String field) {
    JsonNode value = detail.get(field);
    return value == null || value.isNull() ? "" : value.asText();
  }

  private static OptionalInt heartbeatSeconds(JsonNode detail, ObjectNode parameters, String token)
      throws MalformedItemException {
    JsonNode value =
        detail.hasNonNull("heartbeatSeconds")
            ? detail.get("heartbeatSeconds")
            : parameters.get("heartbeatSeconds");
    if (value == null || value.isNull()) {
      return OptionalInt.empty();
    }
    if (!value.isIntegralNumber() || value.asInt() < 1) {
      throw new MalformedItemException(
          "heartbeatSeconds must be a whole number of seconds, at least 1, but is " + value, token);
    }
    return OptionalInt.of(value.asInt());
  }
}
