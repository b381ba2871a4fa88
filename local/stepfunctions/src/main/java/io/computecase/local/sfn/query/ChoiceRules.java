package io.computecase.local.sfn.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Parses the rules of a Choice state once, at definition time. A malformed rule raises
 * IllegalArgumentException whose message is an AWS-style diagnostic naming the field and where it
 * is ("SCHEMA_VALIDATION_FAILED: ... at /Choices/0/And/1").
 */
public final class ChoiceRules {
  /** Fields a top-level rule may carry besides its condition. */
  private static final Set<String> RULE_FIELDS = Set.of("Next", "Comment", "Assign", "Output");

  private ChoiceRules() {}

  /** Parses one element of "Choices". */
  public static ChoiceRule parse(JsonNode choice, QueryLanguage language) {
    return parse(choice, language, "", "Condition");
  }

  /**
   * Parses Choices[index]; causes and diagnostics name "Choices[index]/Condition" and
   * "/Choices/index".
   */
  public static ChoiceRule parse(JsonNode choice, QueryLanguage language, int index) {
    return parse(choice, language, "/Choices/" + index, "Choices[" + index + "]/Condition");
  }

  private static ChoiceRule parse(
      JsonNode choice, QueryLanguage language, String location, String conditionField) {
    if (choice == null || !choice.isObject()) {
      throw invalid("A choice rule must be a JSON object", location);
    }
    if (language == QueryLanguage.JSONATA) {
      return jsonataRule(choice, location, conditionField);
    }
    return jsonPathRule(choice, location, true);
  }

  private static ChoiceRule jsonataRule(JsonNode choice, String location, String field) {
    JsonNode condition = choice.get("Condition");
    if (condition == null) {
      throw invalid("The field 'Condition' is required in a JSONata choice rule", location);
    }
    for (Iterator<String> names = choice.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("Condition") && !RULE_FIELDS.contains(name)) {
        throw invalid(
            "The field '" + name + "' is not supported in a JSONata choice rule; use 'Condition'",
            location + "/" + name);
      }
    }
    if (condition.isBoolean()) {
      // A constant condition, as {% true %} is one.
      return new ConstantCondition(condition.booleanValue());
    }
    if (!condition.isTextual() || !Jsonata.isExpression(condition.textValue())) {
      throw invalid(
          "The value for the field 'Condition' must be a boolean or a JSONata expression written as"
              + " {% ... %}",
          location + "/Condition");
    }
    Jsonata.validate(condition.textValue())
        .ifPresent(
            problem -> {
              throw invalid(problem, location + "/Condition");
            });
    return new JsonataCondition(condition.textValue(), field);
  }

  private static ChoiceRule jsonPathRule(JsonNode rule, String location, boolean topLevel) {
    if (!rule.isObject()) {
      throw invalid("A choice rule must be a JSON object", location);
    }
    List<String> conditions = new ArrayList<>();
    for (Iterator<String> names = rule.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.equals("Variable")) {
        continue;
      }
      if (RULE_FIELDS.contains(name)) {
        if (!topLevel && !name.equals("Comment")) {
          throw invalid(
              "The field '" + name + "' is only allowed in a top-level choice rule",
              location + "/" + name);
        }
        continue;
      }
      conditions.add(name);
    }
    if (conditions.size() != 1) {
      throw invalid(
          conditions.isEmpty()
              ? "A choice rule must have exactly one comparison operator or And, Or, Not"
              : "A choice rule must have exactly one comparison operator or And, Or, Not, but has "
                  + conditions,
          location);
    }
    String operatorField = conditions.get(0);
    JsonNode operand = rule.get(operatorField);
    String here = location + "/" + operatorField;
    switch (operatorField) {
      case "And", "Or" -> {
        if (rule.has("Variable")) {
          throw invalid("The field 'Variable' is not allowed with " + operatorField, location);
        }
        if (!operand.isArray() || operand.isEmpty()) {
          throw invalid(
              "The value for the field '"
                  + operatorField
                  + "' must be a non-empty array of choice rules",
              here);
        }
        List<ChoiceRule> rules = new ArrayList<>();
        for (int i = 0; i < operand.size(); i++) {
          rules.add(jsonPathRule(operand.get(i), here + "/" + i, false));
        }
        return operatorField.equals("And")
            ? new BooleanRule.And(List.copyOf(rules))
            : new BooleanRule.Or(List.copyOf(rules));
      }
      case "Not" -> {
        if (rule.has("Variable")) {
          throw invalid("The field 'Variable' is not allowed with Not", location);
        }
        if (!operand.isObject()) {
          throw invalid("The value for the field 'Not' must be a choice rule object", here);
        }
        return new BooleanRule.Not(jsonPathRule(operand, here, false));
      }
      default -> {
        return comparison(rule, operatorField, operand, location);
      }
    }
  }

  private static ChoiceRule comparison(
      JsonNode rule, String operatorField, JsonNode operand, String location) {
    String here = location + "/" + operatorField;
    boolean pathVariant = operatorField.endsWith("Path");
    ComparisonOperator operator =
        ComparisonOperator.byName(
            pathVariant ? operatorField.substring(0, operatorField.length() - 4) : operatorField);
    if (operator == null || pathVariant && !operator.hasPathVariant()) {
      throw invalid(
          "The field '" + operatorField + "' is not a supported comparison operator", here);
    }
    JsonNode variable = rule.get("Variable");
    if (variable == null) {
      throw invalid("The field 'Variable' is required with " + operatorField, location);
    }
    if (!variable.isTextual()) {
      throw invalid("The value for the field 'Variable' must be a STRING", location + "/Variable");
    }
    JsonPaths.validateReferencePath(variable.textValue())
        .ifPresent(
            problem -> {
              throw invalid(
                  "The value for the field 'Variable' must be a valid ReferencePath: " + problem,
                  location + "/Variable");
            });
    if (pathVariant) {
      if (!operand.isTextual()) {
        throw invalid("The value for the field '" + operatorField + "' must be a STRING", here);
      }
      JsonPaths.validateReferencePath(operand.textValue())
          .ifPresent(
              problem -> {
                throw invalid(
                    "The value for the field '"
                        + operatorField
                        + "' must be a valid ReferencePath: "
                        + problem,
                    here);
              });
      return new ChoiceComparison(variable.textValue(), operator, null, operand.textValue(), null);
    }
    checkOperand(operator, operatorField, operand, here);
    return new ChoiceComparison(
        variable.textValue(),
        operator,
        operand,
        null,
        operator == ComparisonOperator.STRING_MATCHES
            ? StringMatchPattern.compile(operand.textValue())
            : null);
  }

  private static void checkOperand(
      ComparisonOperator operator, String field, JsonNode operand, String here) {
    switch (operator.kind()) {
      case STRING, MATCHES -> {
        if (!operand.isTextual()) {
          throw invalid("The value for the field '" + field + "' must be a STRING", here);
        }
      }
      case NUMERIC -> {
        if (!operand.isNumber()) {
          throw invalid("The value for the field '" + field + "' must be a NUMBER", here);
        }
      }
      case BOOLEAN, TYPE_CHECK -> {
        if (!operand.isBoolean()) {
          throw invalid("The value for the field '" + field + "' must be a BOOLEAN", here);
        }
      }
      case TIMESTAMP -> {
        if (!operand.isTextual() || Timestamps.parse(operand.textValue()) == null) {
          throw invalid(
              "The value for the field '"
                  + field
                  + "' must be a timestamp in RFC 3339 format, such as 2016-03-14T01:59:00Z",
              here);
        }
      }
    }
  }

  private static IllegalArgumentException invalid(String message, String location) {
    return new IllegalArgumentException(
        "SCHEMA_VALIDATION_FAILED: " + message + " at " + (location.isEmpty() ? "/" : location));
  }
}
