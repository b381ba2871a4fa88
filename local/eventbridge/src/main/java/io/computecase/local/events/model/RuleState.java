package io.computecase.local.events.model;

/** Whether a rule routes events; only enabled rules are compiled into the bus's matcher. */
public enum RuleState {
  ENABLED,
  DISABLED,
  ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS;

  public boolean routes() {
    return this != DISABLED;
  }
}
