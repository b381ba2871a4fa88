/**
 * The parsed ASL tree, immutable: one record per state type, the fields they share, their graphs
 * and their Retry and Catch rules. Plain data that the execution package runs; it depends on
 * nothing that runs.
 */
package io.computecase.local.sfn.states;
