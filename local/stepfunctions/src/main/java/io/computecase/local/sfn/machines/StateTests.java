package io.computecase.local.sfn.machines;

import io.computecase.local.sfn.definition.DefinitionParser;
import io.computecase.local.sfn.errors.EngineError;
import io.computecase.local.sfn.errors.EngineException;
import io.computecase.local.sfn.execution.teststate.StateTest;
import io.computecase.local.sfn.execution.teststate.StateTestResult;
import io.computecase.local.sfn.execution.teststate.StateTester;
import io.computecase.local.sfn.states.State;
import io.computecase.local.sfn.states.StateGraph;

/**
 * TestState without a state machine: the definition is parsed once, as one state or as a whole
 * machine whose state stateName names, and the state is run by the {@link StateTester}; nothing is
 * added to the catalog.
 */
public final class StateTests {
  private final StateTester tester;

  public StateTests(StateTester tester) {
    this.tester = tester;
  }

  /** Parses and runs the test's state; InvalidDefinition, or an EngineException, when refused. */
  public StateTestResult test(StateTest test) {
    State state =
        test.stateName() == null
            ? DefinitionParser.parseState(test.definitionText(), StateTester.SINGLE_STATE_NAME)
            : stateOfMachine(test.definitionText(), test.stateName());
    return tester.test(state, test);
  }

  private static State stateOfMachine(String definition, String name) {
    State state = find(DefinitionParser.parse(definition).graph(), name);
    if (state == null) {
      throw new EngineException(
          EngineError.VALIDATION,
          "The state '" + name + "' named by stateName is not in the state machine definition.");
    }
    return state;
  }

  /** The state called {@code name} in the graph or in a graph nested in it, or null. */
  private static State find(StateGraph graph, String name) {
    State state = graph.state(name);
    if (state != null) {
      return state;
    }
    for (State each : graph.states().values()) {
      for (StateGraph nested : each.subgraphs()) {
        State found = find(nested, name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
