package io.computecase.worker.computation;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What a computation may use: a scheduler for timed waits (shared, never to be blocked), an
 * executor sized to the machine's cores for CPU-bound work, and the worker's settings.
 *
 * @param scheduler timers only; tasks on it must return at once
 * @param cpuExecutor bounded to the available processors
 * @param execCommand the command {@code exec} runs per item ({@code sh -c}), when configured
 * @param execTimeout the default time limit of one {@code exec} run
 */
public record ComputationEnvironment(
    ScheduledExecutorService scheduler,
    Executor cpuExecutor,
    Optional<String> execCommand,
    Duration execTimeout) {}
