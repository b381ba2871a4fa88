package io.computecase.local.sfn.query;

/**
 * A JSONata Choice rule whose Condition is written as a JSON boolean: it always or never matches.
 */
record ConstantCondition(boolean value) implements ChoiceRule {
  @Override
  public boolean matches(QueryScope scope) {
    return value;
  }
}
