package io.computecase.local.sfn.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The evaluated arguments of one intrinsic call, with typed accessors that fail with
 * States.IntrinsicFailure naming the function, the argument and what was expected.
 */
final class IntrinsicArguments {
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private final String function;
  private final JsonNode[] values;
  private final List<String> firstLiteralSegments;

  IntrinsicArguments(String function, JsonNode[] values, List<String> firstLiteralSegments) {
    this.function = function;
    this.values = values;
    this.firstLiteralSegments = firstLiteralSegments;
  }

  /** The first argument split at placeholders when it was a string literal, else null. */
  List<String> firstLiteralSegments() {
    return firstLiteralSegments;
  }

  String function() {
    return function;
  }

  int size() {
    return values.length;
  }

  JsonNode get(int index) {
    return values[index];
  }

  void expectCount(int count) {
    if (values.length != count) {
      throw failure(
          "The function "
              + function
              + " expects "
              + count
              + (count == 1 ? " argument" : " arguments")
              + " but received "
              + values.length);
    }
  }

  void expectCountBetween(int min, int max) {
    if (values.length < min || values.length > max) {
      throw failure(
          "The function "
              + function
              + " expects between "
              + min
              + " and "
              + max
              + " arguments but received "
              + values.length);
    }
  }

  String string(int index) {
    JsonNode value = values[index];
    if (!value.isTextual()) {
      throw wrongType(index, "a string");
    }
    return value.textValue();
  }

  ArrayNode array(int index) {
    JsonNode value = values[index];
    if (!value.isArray()) {
      throw wrongType(index, "an array");
    }
    return (ArrayNode) value;
  }

  ObjectNode object(int index) {
    JsonNode value = values[index];
    if (!value.isObject()) {
      throw wrongType(index, "a JSON object");
    }
    return (ObjectNode) value;
  }

  boolean bool(int index) {
    JsonNode value = values[index];
    if (!value.isBoolean()) {
      throw wrongType(index, "a boolean");
    }
    return value.booleanValue();
  }

  /** An integer argument; numbers with a fraction are refused as AWS refuses them. */
  long integer(int index) {
    JsonNode value = values[index];
    if (!value.isNumber()) {
      throw wrongType(index, "an integer");
    }
    if (value.isIntegralNumber()) {
      if (!value.canConvertToLong()) {
        throw wrongType(index, "an integer");
      }
      return value.longValue();
    }
    double number = value.doubleValue();
    if (number != Math.rint(number) || Double.isInfinite(number)) {
      throw wrongType(index, "an integer");
    }
    return (long) number;
  }

  /**
   * A number argument rounded to the nearest integer, as the Guide says Step Functions rounds "a
   * non-integer value" given to States.MathAdd, MathRandom, ArrayPartition and ArrayRange; a tie
   * goes away from zero.
   */
  long rounded(int index) {
    JsonNode value = values[index];
    if (!value.isNumber()) {
      throw wrongType(index, "an integer");
    }
    if (value.isIntegralNumber()) {
      if (!value.canConvertToLong()) {
        throw wrongType(index, "an integer");
      }
      return value.longValue();
    }
    BigDecimal whole = value.decimalValue().setScale(0, RoundingMode.HALF_UP);
    if (whole.compareTo(LONG_MIN) < 0 || whole.compareTo(LONG_MAX) > 0) {
      throw wrongType(index, "an integer");
    }
    return whole.longValueExact();
  }

  /** A number argument, rounded, that must fit in 32 bits, as AWS's Math intrinsics require. */
  int roundedInt32(int index) {
    return within32Bits(index, rounded(index));
  }

  /** An integer argument that must fit in 32 bits, as AWS's Math intrinsics require. */
  int int32(int index) {
    return within32Bits(index, integer(index));
  }

  private int within32Bits(int index, long value) {
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw failure(
          "The value of argument "
              + (index + 1)
              + " of "
              + function
              + " must be between -2147483648 and 2147483647, but was "
              + value);
    }
    return (int) value;
  }

  QueryException wrongType(int index, String expected) {
    return failure(
        "The value of argument "
            + (index + 1)
            + " of "
            + function
            + " must be "
            + expected
            + ", but was "
            + describe(values[index]));
  }

  QueryException failure(String cause) {
    return new QueryException(QueryException.INTRINSIC_FAILURE, cause);
  }

  static String describe(JsonNode value) {
    String kind =
        switch (value.getNodeType()) {
          case STRING -> "a string";
          case NUMBER -> value.isIntegralNumber() ? "an integer" : "a number";
          case BOOLEAN -> "a boolean";
          case NULL -> "null";
          case ARRAY -> "an array";
          case OBJECT -> "a JSON object";
          default -> "a " + value.getNodeType().name().toLowerCase();
        };
    String text = value.toString();
    return kind + " (" + (text.length() > 100 ? text.substring(0, 100) + "..." : text) + ")";
  }
}
