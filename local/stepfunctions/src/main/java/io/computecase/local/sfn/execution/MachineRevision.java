package io.computecase.local.sfn.execution;

import io.computecase.local.sfn.definition.StateGraph;

/**
 * The definition an execution runs, fixed when it starts: a state machine's revision, or the item
 * processor a Map Run's child executions run.
 */
public record MachineRevision(
    String stateMachineArn,
    String stateMachineName,
    String definitionText,
    StateGraph graph,
    Integer timeoutSeconds,
    String roleArn,
    String revisionId,
    long updateMillis) {}
