package io.computecase.local.sfn.query;

import java.util.HashMap;
import java.util.Map;

/** Every comparison operator of a JSONPath Choice rule, with what its operand must be. */
enum ComparisonOperator {
  STRING_EQUALS("StringEquals", Kind.STRING, Order.EQ),
  STRING_LESS_THAN("StringLessThan", Kind.STRING, Order.LT),
  STRING_GREATER_THAN("StringGreaterThan", Kind.STRING, Order.GT),
  STRING_LESS_THAN_EQUALS("StringLessThanEquals", Kind.STRING, Order.LE),
  STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Kind.STRING, Order.GE),
  STRING_MATCHES("StringMatches", Kind.MATCHES, Order.EQ),
  NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC, Order.EQ),
  NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC, Order.LT),
  NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC, Order.GT),
  NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC, Order.LE),
  NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMERIC, Order.GE),
  BOOLEAN_EQUALS("BooleanEquals", Kind.BOOLEAN, Order.EQ),
  TIMESTAMP_EQUALS("TimestampEquals", Kind.TIMESTAMP, Order.EQ),
  TIMESTAMP_LESS_THAN("TimestampLessThan", Kind.TIMESTAMP, Order.LT),
  TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Kind.TIMESTAMP, Order.GT),
  TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Kind.TIMESTAMP, Order.LE),
  TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Kind.TIMESTAMP, Order.GE),
  IS_NULL("IsNull", Kind.TYPE_CHECK, Order.EQ),
  IS_PRESENT("IsPresent", Kind.TYPE_CHECK, Order.EQ),
  IS_NUMERIC("IsNumeric", Kind.TYPE_CHECK, Order.EQ),
  IS_STRING("IsString", Kind.TYPE_CHECK, Order.EQ),
  IS_BOOLEAN("IsBoolean", Kind.TYPE_CHECK, Order.EQ),
  IS_TIMESTAMP("IsTimestamp", Kind.TYPE_CHECK, Order.EQ);

  /** What the operator compares. */
  enum Kind {
    STRING,
    NUMERIC,
    BOOLEAN,
    TIMESTAMP,
    MATCHES,
    TYPE_CHECK
  }

  private enum Order {
    EQ,
    LT,
    GT,
    LE,
    GE
  }

  private static final Map<String, ComparisonOperator> BY_NAME = new HashMap<>();

  static {
    for (ComparisonOperator operator : values()) {
      BY_NAME.put(operator.aslName, operator);
    }
  }

  private final String aslName;
  private final Kind kind;
  private final Order order;

  ComparisonOperator(String aslName, Kind kind, Order order) {
    this.aslName = aslName;
    this.kind = kind;
    this.order = order;
  }

  String aslName() {
    return aslName;
  }

  Kind kind() {
    return kind;
  }

  /** Whether the operator has a "...Path" form comparing with another path's value. */
  boolean hasPathVariant() {
    return kind != Kind.TYPE_CHECK && kind != Kind.MATCHES;
  }

  /** Whether a comparison result (negative, zero, positive) satisfies the operator. */
  boolean accepts(int comparison) {
    return switch (order) {
      case EQ -> comparison == 0;
      case LT -> comparison < 0;
      case GT -> comparison > 0;
      case LE -> comparison <= 0;
      case GE -> comparison >= 0;
    };
  }

  /** The operator named {@code field} ("NumericEquals" or "NumericEqualsPath"), or null. */
  static ComparisonOperator byName(String field) {
    return BY_NAME.get(field);
  }
}
