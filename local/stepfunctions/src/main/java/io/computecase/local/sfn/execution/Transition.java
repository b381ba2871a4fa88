package io.computecase.local.sfn.execution;

import com.fasterxml.jackson.databind.JsonNode;

/** Where a finished state goes: the next state's name (null at the end) and its output. */
public record Transition(String next, JsonNode output) {}
