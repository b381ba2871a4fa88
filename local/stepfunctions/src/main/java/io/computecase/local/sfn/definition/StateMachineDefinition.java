package io.computecase.local.sfn.definition;

import io.computecase.local.sfn.states.StateGraph;

/** A parsed, validated state machine definition: its graph and top-level settings. */
public record StateMachineDefinition(StateGraph graph, Integer timeoutSeconds, String comment) {}
