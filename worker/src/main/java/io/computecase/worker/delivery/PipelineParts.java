package io.computecase.worker.delivery;

import io.computecase.worker.observability.WorkerMetrics;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The collaborators one worker's pipeline shares.
 *
 * @param scheduler timers only (visibility extensions, heartbeats); never blocked
 * @param callbacks runs the blocking AWS calls of answers
 * @param upkeep runs visibility extensions and heartbeats, apart from a backlog of answers
 * @param visibilitySeconds the visibility each received message has, renewed while computing
 */
public record PipelineParts(
    String workerId,
    WorkerMetrics metrics,
    ItemTracing tracing,
    QueueMessages messages,
    TaskAnswers answers,
    ScheduledExecutorService scheduler,
    Executor callbacks,
    Executor upkeep,
    int visibilitySeconds) {}
