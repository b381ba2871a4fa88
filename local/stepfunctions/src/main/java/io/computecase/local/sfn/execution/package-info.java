/**
 * Executions at run time: the executions and Map Runs the API describes (status, history,
 * counters), the engine that launches, stops and redrives them, and the graph walk that advances
 * each frame through the shared pipeline (InputPath → Parameters → run → ResultSelector →
 * ResultPath → OutputPath, Retry and Catch). How each state type runs is in the steps package; Map
 * iterations in map, waiting tasks in tokens, history in history, delays in timers.
 */
package io.computecase.local.sfn.execution;
