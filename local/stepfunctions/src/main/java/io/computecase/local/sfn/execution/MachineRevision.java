package io.computecase.local.sfn.execution;

import io.computecase.local.sfn.states.MapState;
import io.computecase.local.sfn.states.StateGraph;

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
    long updateMillis) {

  /**
   * What the child executions of a Map Run of this revision run: the Map's item processor, named
   * after the machine and the run's label.
   */
  public MachineRevision forMapRun(MapState map, String label, StepFunctionsEngine engine) {
    String machineName = stateMachineName.split("/")[0];
    return new MachineRevision(
        engine.arn("stateMachine", machineName + "/" + label),
        machineName + "/" + label,
        map.settings().processorDefinition(),
        map.settings().processor(),
        null,
        roleArn,
        null,
        engine.clock().millis());
  }
}
