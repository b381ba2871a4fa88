package io.computecase.local.sfn.definition;

import io.computecase.local.sfn.query.QueryLanguage;
import io.computecase.local.sfn.states.State;
import java.util.Map;

/**
 * A set of states with a start: the top-level machine, a Parallel branch or a Map's item processor.
 * Immutable once parsed.
 */
public record StateGraph(String startAt, Map<String, State> states, QueryLanguage queryLanguage) {

  public State state(String name) {
    return states.get(name);
  }
}
