package io.computecase.local.sfn.query;

/** One parsed rule of a Choice state (a comparison, And/Or/Not, or a JSONata Condition). */
public interface ChoiceRule {
  /** True when the state's input (or the variables) satisfies the rule. */
  boolean matches(QueryScope scope);
}
