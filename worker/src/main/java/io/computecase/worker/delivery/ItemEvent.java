package io.computecase.worker.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.worker.computation.ComputationInput;
import java.util.OptionalInt;

/**
 * One item as its SQS message delivered it: the EventBridge envelope's detail ({@code requestId,
 * target, parameters, traceparent, index, item, taskToken}) plus the message's identity.
 *
 * @param heartbeatSeconds the task's heartbeat interval, from {@code detail.heartbeatSeconds} or
 *     {@code parameters.heartbeatSeconds}; empty when the task expects no heartbeat
 */
public record ItemEvent(
    String messageId,
    String receiptHandle,
    int receiveCount,
    String requestId,
    String target,
    ObjectNode parameters,
    String traceparent,
    long index,
    ObjectNode item,
    String taskToken,
    OptionalInt heartbeatSeconds) {

  public ComputationInput input() {
    return new ComputationInput(requestId, target, index, item, parameters);
  }
}
