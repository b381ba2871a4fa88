package io.computecase.local.sfn.machines;

import io.computecase.local.sfn.definition.DefinitionParser;
import io.computecase.local.sfn.definition.StateMachineDefinition;
import io.computecase.local.sfn.errors.EngineError;
import io.computecase.local.sfn.errors.EngineException;
import io.computecase.local.sfn.execution.MachineRevision;
import io.computecase.local.sfn.execution.StepFunctionsEngine;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state machines of the engine: created from a definition parsed and validated once, revised by
 * UpdateStateMachine, removed by DeleteStateMachine.
 */
public final class StateMachineCatalog {
  private final StepFunctionsEngine engine;
  private final Map<String, StateMachine> machines = new ConcurrentHashMap<>();

  public StateMachineCatalog(StepFunctionsEngine engine) {
    this.engine = engine;
  }

  /**
   * CreateStateMachine: idempotent for the same name, definition, role and type (the existing one
   * comes back); StateMachineAlreadyExists when any of them differs.
   */
  public StateMachine create(String name, String definitionText, String roleArn, String type) {
    StateMachineDefinition definition = DefinitionParser.parse(definitionText);
    String arn = engine.arn("stateMachine", name);
    long now = engine.clock().millis();
    MachineRevision revision = revision(arn, name, definitionText, definition, roleArn, now);
    StateMachine created = new StateMachine(arn, name, type, now, revision);
    StateMachine existing = machines.putIfAbsent(arn, created);
    if (existing == null) {
      return created;
    }
    MachineRevision current = existing.revision();
    if (current.definitionText().equals(definitionText)
        && Objects.equals(current.roleArn(), roleArn)
        && existing.type().equals(type)) {
      return existing;
    }
    throw new EngineException(
        EngineError.STATE_MACHINE_ALREADY_EXISTS, "State Machine Already Exists: '" + arn + "'");
  }

  /** UpdateStateMachine: a new revision; running executions keep theirs. */
  public MachineRevision update(String arn, String definitionText, String roleArn) {
    StateMachine machine = get(arn);
    synchronized (machine) {
      MachineRevision current = machine.revision();
      String text = definitionText == null ? current.definitionText() : definitionText;
      StateMachineDefinition definition =
          definitionText == null
              ? new StateMachineDefinition(current.graph(), current.timeoutSeconds(), null)
              : DefinitionParser.parse(definitionText);
      MachineRevision next =
          revision(
              arn,
              machine.name(),
              text,
              definition,
              roleArn == null ? current.roleArn() : roleArn,
              engine.clock().millis());
      machine.revise(next);
      return next;
    }
  }

  /** Puts back a state machine read from a snapshot. */
  public void restore(StateMachine machine) {
    machines.put(machine.arn(), machine);
  }

  public void delete(String arn) {
    machines.remove(arn);
  }

  /** The state machine, or StateMachineDoesNotExist. */
  public StateMachine get(String arn) {
    StateMachine machine = machines.get(arn);
    if (machine == null) {
      throw new EngineException(
          EngineError.STATE_MACHINE_DOES_NOT_EXIST, "State Machine Does Not Exist: '" + arn + "'");
    }
    return machine;
  }

  public StateMachine find(String arn) {
    return machines.get(arn);
  }

  /** All state machines, by name. */
  public List<StateMachine> list() {
    return machines.values().stream().sorted(Comparator.comparing(StateMachine::name)).toList();
  }

  private static MachineRevision revision(
      String arn,
      String name,
      String text,
      StateMachineDefinition definition,
      String roleArn,
      long now) {
    return new MachineRevision(
        arn,
        name,
        text,
        definition.graph(),
        definition.timeoutSeconds(),
        roleArn,
        UUID.randomUUID().toString(),
        now);
  }
}
