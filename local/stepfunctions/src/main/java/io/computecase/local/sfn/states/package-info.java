/** One class per ASL state type, each run through the shared input/output pipeline. */
package io.computecase.local.sfn.states;
