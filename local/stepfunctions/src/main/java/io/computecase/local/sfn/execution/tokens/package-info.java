/**
 * Tasks waiting for their tokens, as data: the registry indexed by token, each wait's outcome
 * (success, failure, heartbeat timeout, timeout, aborted), its heartbeat window, and the form a
 * snapshot keeps it in.
 */
package io.computecase.local.sfn.execution.tokens;
