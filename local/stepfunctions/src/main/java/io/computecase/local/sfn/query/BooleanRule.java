package io.computecase.local.sfn.query;

import java.util.List;

/** The boolean combinators of JSONPath Choice rules: And, Or and Not. */
sealed interface BooleanRule extends ChoiceRule {

  /** Matches when every rule matches; stops at the first that does not. */
  record And(List<ChoiceRule> rules) implements BooleanRule {
    @Override
    public boolean matches(QueryScope scope) {
      for (ChoiceRule rule : rules) {
        if (!rule.matches(scope)) {
          return false;
        }
      }
      return true;
    }
  }

  /** Matches when any rule matches; stops at the first that does. */
  record Or(List<ChoiceRule> rules) implements BooleanRule {
    @Override
    public boolean matches(QueryScope scope) {
      for (ChoiceRule rule : rules) {
        if (rule.matches(scope)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Matches when its rule does not. */
  record Not(ChoiceRule rule) implements BooleanRule {
    @Override
    public boolean matches(QueryScope scope) {
      return !rule.matches(scope);
    }
  }
}
