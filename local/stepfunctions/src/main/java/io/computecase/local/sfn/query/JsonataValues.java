package io.computecase.local.sfn.query;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Converts between Jackson trees and the plain Java values the JSONata engine works on. JSON null
 * becomes the engine's NULL_VALUE so it stays distinct from "nothing"; numbers with an integral
 * value come back as JSON integers, as AWS prints them.
 */
final class JsonataValues {
  /** Doubles beyond 2^53 are not exact integers any more; keep them as doubles. */
  private static final double MAX_EXACT_INTEGER = 9_007_199_254_740_992d;

  private JsonataValues() {}

  /**
   * The JSONata value of {@code node}; objects and arrays are read-only views converted as an
   * expression reaches into them.
   */
  static Object toJava(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return null;
    }
    switch (node.getNodeType()) {
      case OBJECT -> {
        return new JsonObjectView(node);
      }
      case ARRAY -> {
        return new JsonArrayView(node);
      }
      case STRING -> {
        return node.textValue();
      }
      case BOOLEAN -> {
        return node.booleanValue();
      }
      case NUMBER -> {
        if (node.isInt()) {
          return node.intValue();
        }
        if (node.isLong()) {
          return node.longValue();
        }
        return node.doubleValue();
      }
      case NULL -> {
        return Jsonata.NULL_VALUE;
      }
      default -> {
        return node.asText();
      }
    }
  }

  /**
   * The tree the engine would return for {@code node} read whole, without going through the
   * engine's values: a fresh copy whose numbers are as {@link #toNode} makes them.
   */
  static JsonNode copy(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        object.set(field.getKey(), copy(field.getValue()));
      }
      return object;
    }
    if (node.isArray()) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode(node.size());
      for (JsonNode element : node) {
        array.add(copy(element));
      }
      return array;
    }
    return toNode(toJava(node));
  }

  /** The JSON form of an engine value; a value JSON cannot hold (a function) is refused. */
  static JsonNode toNode(Object value) {
    if (value == null || value == Jsonata.NULL_VALUE) {
      return NullNode.getInstance();
    }
    if (value instanceof String text) {
      return new TextNode(text);
    }
    if (value instanceof Boolean bool) {
      return BooleanNode.valueOf(bool);
    }
    if (value instanceof Number number) {
      return number(number);
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        object.set(String.valueOf(entry.getKey()), toNode(entry.getValue()));
      }
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode(list.size());
      for (Object element : list) {
        array.add(toNode(element));
      }
      return array;
    }
    throw new IllegalArgumentException(
        "the result is a " + value.getClass().getSimpleName() + ", which is not a JSON value");
  }

  private static JsonNode number(Number number) {
    if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
      return JsonNodeFactory.instance.numberNode(number.intValue());
    }
    if (number instanceof Long) {
      return ArrayIntrinsics.number(number.longValue());
    }
    if (number instanceof BigInteger big) {
      return JsonNodeFactory.instance.numberNode(big);
    }
    if (number instanceof BigDecimal decimal) {
      try {
        return JsonNodeFactory.instance.numberNode(decimal.toBigIntegerExact());
      } catch (ArithmeticException notIntegral) {
        return DecimalNode.valueOf(decimal);
      }
    }
    double d = number.doubleValue();
    if (d == Math.rint(d) && Math.abs(d) <= MAX_EXACT_INTEGER && !(d == 0 && 1 / d < 0)) {
      return ArrayIntrinsics.number((long) d);
    }
    return DoubleNode.valueOf(d);
  }
}
