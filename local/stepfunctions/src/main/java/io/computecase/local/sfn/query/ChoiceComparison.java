package io.computecase.local.sfn.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A JSONPath comparison rule: the value at {@code Variable} compared with a literal, or with the
 * value at another path for the *Path operators. A value of the wrong type never matches.
 */
record ChoiceComparison(
    String variable,
    ComparisonOperator operator,
    JsonNode literal,
    String otherPath,
    Pattern pattern)
    implements ChoiceRule {

  @Override
  public boolean matches(QueryScope scope) {
    if (operator == ComparisonOperator.IS_PRESENT) {
      boolean present = JsonPaths.find(variable, scope).isPresent();
      return present == literal.booleanValue();
    }
    JsonNode value = resolve(variable, scope);
    JsonNode expected = otherPath == null ? literal : resolve(otherPath, scope);
    return switch (operator.kind()) {
      case STRING -> value.isTextual() && expected.isTextual() && compareStrings(value, expected);
      case NUMERIC ->
          value.isNumber()
              && expected.isNumber()
              && operator.accepts(value.decimalValue().compareTo(expected.decimalValue()));
      case BOOLEAN ->
          value.isBoolean()
              && expected.isBoolean()
              && value.booleanValue() == expected.booleanValue();
      case TIMESTAMP -> compareTimestamps(value, expected);
      case MATCHES -> value.isTextual() && pattern.matcher(value.textValue()).matches();
      case TYPE_CHECK -> typeCheck(value) == literal.booleanValue();
    };
  }

  private boolean compareStrings(JsonNode value, JsonNode expected) {
    return operator.accepts(value.textValue().compareTo(expected.textValue()));
  }

  private boolean compareTimestamps(JsonNode value, JsonNode expected) {
    Instant left = Timestamps.parse(value);
    Instant right = Timestamps.parse(expected);
    return left != null && right != null && operator.accepts(left.compareTo(right));
  }

  private boolean typeCheck(JsonNode value) {
    return switch (operator) {
      case IS_NULL -> value.isNull();
      case IS_NUMERIC -> value.isNumber();
      case IS_STRING -> value.isTextual();
      case IS_BOOLEAN -> value.isBoolean();
      case IS_TIMESTAMP -> Timestamps.parse(value) != null;
      default -> throw new IllegalStateException(operator + " is not a type check");
    };
  }

  /** AWS fails the execution when a rule's path selects nothing (only IsPresent tolerates it). */
  private static JsonNode resolve(String path, QueryScope scope) {
    return JsonPaths.find(path, scope)
        .orElseThrow(
            () ->
                new QueryException(
                    QueryException.RUNTIME,
                    "Invalid path '"
                        + path
                        + "': The choice state's condition path references an invalid value."));
  }
}
