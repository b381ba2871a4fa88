package io.computecase.local.sfn.machines;

import io.computecase.local.sfn.execution.MachineRevision;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A state machine: identity, type, creation date, tags, and its current revision. */
public final class StateMachine {
  private final String arn;
  private final String name;
  private final String type;
  private final long creationMillis;
  private final Map<String, String> tags = new ConcurrentHashMap<>();
  private volatile MachineRevision revision;
  private volatile String loggingConfiguration;
  private volatile boolean tracingEnabled;

  public StateMachine(
      String arn, String name, String type, long creationMillis, MachineRevision revision) {
    this.arn = arn;
    this.name = name;
    this.type = type;
    this.creationMillis = creationMillis;
    this.revision = revision;
  }

  public String arn() {
    return arn;
  }

  public String name() {
    return name;
  }

  /** STANDARD or EXPRESS. */
  public String type() {
    return type;
  }

  public long creationMillis() {
    return creationMillis;
  }

  public MachineRevision revision() {
    return revision;
  }

  public void revise(MachineRevision next) {
    this.revision = next;
  }

  public Map<String, String> tags() {
    return tags;
  }

  public String loggingConfiguration() {
    return loggingConfiguration;
  }

  public void loggingConfiguration(String json) {
    this.loggingConfiguration = json;
  }

  public boolean tracingEnabled() {
    return tracingEnabled;
  }

  public void tracingEnabled(boolean enabled) {
    this.tracingEnabled = enabled;
  }
}
