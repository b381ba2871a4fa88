package io.computecase.local.sfn.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;

/** JSON value equality as the ASL compares values: numbers by value, so 1 equals 1.0. */
final class JsonValues {
  private static final Comparator<JsonNode> NUMBERS_BY_VALUE =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
      };

  private JsonValues() {}

  static boolean equal(JsonNode a, JsonNode b) {
    return a.equals(NUMBERS_BY_VALUE, b);
  }

  /** A hash consistent with {@link #equal}. */
  static int hash(JsonNode node) {
    if (node.isNumber()) {
      BigDecimal value = node.decimalValue();
      return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
    }
    if (node.isArray()) {
      int hash = 1;
      for (JsonNode element : node) {
        hash = 31 * hash + hash(element);
      }
      return hash;
    }
    if (node.isObject()) {
      int hash = 7;
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        hash += field.getKey().hashCode() ^ hash(field.getValue());
      }
      return hash;
    }
    return node.hashCode();
  }

  /**
   * A value as a cause names it: its JSON type and, for all but null, the value ("a string
   * (\"abc\")", "null"); long values are cut at 100 characters.
   */
  static String describe(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "nothing";
    }
    String kind =
        switch (value.getNodeType()) {
          case STRING -> "a string";
          case NUMBER -> "a number";
          case BOOLEAN -> "a boolean";
          case NULL -> "null";
          case ARRAY -> "an array";
          case OBJECT -> "an object";
          default -> "a " + value.getNodeType().name().toLowerCase();
        };
    if (value.isNull()) {
      return kind;
    }
    String text = value.toString();
    return kind + " (" + (text.length() > 100 ? text.substring(0, 100) + "..." : text) + ")";
  }

  /** Wraps a node so that hash-based collections use ASL equality. */
  record Key(JsonNode node) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && equal(node, key.node);
    }

    @Override
    public int hashCode() {
      return hash(node);
    }
  }
}
