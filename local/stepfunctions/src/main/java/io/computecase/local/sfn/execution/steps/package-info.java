/**
 * One step per ASL state type (PassStep, TaskStep, ... MapStep), each run within the shared
 * pipeline of a {@code StateRun}, and {@link StateSteps}: the one place where a state's type picks
 * its step. Task calls and Parallel branches are run here too; Map iterations in the map package.
 */
package io.computecase.local.sfn.execution.steps;
