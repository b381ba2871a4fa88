package io.computecase.local.events.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsJsonService;
import java.util.concurrent.Executor;

/** Starts one Step Functions execution per delivery, with the rendered payload as its input. */
final class StateMachineChannel implements TargetChannel {
  private final AwsJsonService states;
  private final RetryPlanner retries;
  private final Executor executor;

  StateMachineChannel(AwsJsonService states, RetryPlanner retries, Executor executor) {
    this.states = states;
    this.retries = retries;
    this.executor = executor;
  }

  @Override
  public void offer(Delivery delivery) {
    executor.execute(() -> start(delivery));
  }

  private void start(Delivery delivery) {
    ObjectNode request = AwsJson.MAPPER.createObjectNode();
    request.put("stateMachineArn", delivery.target().arn());
    request.put("input", delivery.payload());
    try {
      states.invoke("StartExecution", request);
    } catch (RuntimeException e) {
      retries.failed(delivery, DeliveryError.of(e));
    }
  }
}
