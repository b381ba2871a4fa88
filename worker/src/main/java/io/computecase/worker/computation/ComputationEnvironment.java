package io.computecase.worker.computation;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What a computation may use: a scheduler for timed waits (shared, never to be blocked), an
 * executor sized to the machine's cores for CPU-bound work, and the worker's settings.
 *
 * @param scheduler timers only; tasks on it must return at once
 * @param cpuExecutor bounded to the available processors
 * @param exec how {@code exec} runs its program
 */
public record ComputationEnvironment(
    ScheduledExecutorService scheduler, Executor cpuExecutor, ExecSettings exec) {}
