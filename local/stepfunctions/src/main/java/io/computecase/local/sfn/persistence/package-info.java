/**
 * The engine's state on disk: a snapshot of state machines, executions, Map Runs and waiting task
 * tokens, written atomically when something changed and on close, and read back at start so that
 * running executions go on where they were.
 */
package io.computecase.local.sfn.persistence;
