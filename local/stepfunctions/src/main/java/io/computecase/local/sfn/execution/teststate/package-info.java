/**
 * TestState: one state run once on its own, outside any state machine, through the engine's own
 * steps ({@code TrialSteps}) and pipeline; a mock may stand in for a Task's, Parallel's or Map's
 * invocation. {@link io.computecase.local.sfn.execution.teststate.StateTester} runs it and tells
 * the status, the next state and the inspection data.
 */
package io.computecase.local.sfn.execution.teststate;
