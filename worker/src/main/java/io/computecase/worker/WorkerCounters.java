package io.computecase.worker;

/**
 * A snapshot of what one worker has done since it started.
 *
 * @param received messages received from the queue (each delivery counts)
 * @param succeeded items answered with SendTaskSuccess and accepted
 * @param failed items answered with SendTaskFailure and accepted
 * @param refused answers Step Functions refused for good (token timed out, invalid, unknown)
 * @param redeliveries messages received more than once (SQS ApproximateReceiveCount above 1)
 * @param duplicates deliveries of a token this worker was computing or had answered already
 * @param malformed messages without a usable task token, left for the dead-letter queue
 * @param callbackErrors answers not delivered even after the retries (left for redelivery)
 * @param released items abandoned at shutdown and made visible again
 * @param inFlight items computing or being answered now
 */
public record WorkerCounters(
    long received,
    long succeeded,
    long failed,
    long refused,
    long redeliveries,
    long duplicates,
    long malformed,
    long callbackErrors,
    long released,
    long inFlight) {}
