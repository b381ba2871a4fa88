/**
 * Executions at run time: graph walks, history, task tokens, timers, Map Runs and Parallel
 * branches.
 */
package io.computecase.local.sfn.execution;
