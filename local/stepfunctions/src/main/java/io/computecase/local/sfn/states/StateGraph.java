package io.computecase.local.sfn.states;

import io.computecase.local.sfn.query.QueryLanguage;
import java.util.Map;

/**
 * A set of states with a start: the top-level machine, a Parallel branch or a Map's item processor.
 * Immutable once parsed.
 */
public record StateGraph(String startAt, Map<String, State> states, QueryLanguage queryLanguage) {

  public State state(String name) {
    return states.get(name);
  }

  /**
   * The Map state of this name, in this graph or in one nested in it (Parallel branches, Map item
   * processors); null when there is none.
   */
  public MapState findMap(String name) {
    if (states.get(name) instanceof MapState map) {
      return map;
    }
    for (State state : states.values()) {
      for (StateGraph nested : state.subgraphs()) {
        MapState found = nested.findMap(name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
