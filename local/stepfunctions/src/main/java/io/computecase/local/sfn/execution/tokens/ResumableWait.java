package io.computecase.local.sfn.execution.tokens;

/**
 * A task waiting for its token as a snapshot keeps it: the token and when its timers are due
 * (engine clock millis, 0 = none), so that after a restart the same token is accepted and the
 * timeouts still fire when they would have.
 */
public record ResumableWait(
    String token, long timeoutDueMillis, long heartbeatDueMillis, long heartbeatMillis) {}
