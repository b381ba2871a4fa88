/**
 * The Map state at run time: its items through ItemSelector and ItemBatcher, run inline as
 * iterations of this execution or as a Distributed Map Run whose units are child executions, at
 * most MaxConcurrency at once.
 */
package io.computecase.local.sfn.execution.map;
