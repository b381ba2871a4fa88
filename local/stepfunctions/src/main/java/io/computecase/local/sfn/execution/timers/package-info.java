/**
 * Every delay of the engine (Wait states, retries, task timeouts and heartbeats) on one thread,
 * driven by the injected clock.
 */
package io.computecase.local.sfn.execution.timers;
