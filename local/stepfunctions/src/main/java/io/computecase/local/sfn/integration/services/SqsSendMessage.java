package io.computecase.local.sfn.integration.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJsonService;
import io.computecase.local.sfn.integration.IntegrationFailure;
import io.computecase.local.sfn.integration.IntegrationPattern;
import io.computecase.local.sfn.integration.ServiceIntegration;
import io.computecase.local.sfn.integration.TaskCall;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@code arn:aws:states:::sqs:sendMessage}: SQS SendMessage (JSON protocol), a JSON MessageBody
 * serialized to the string SQS takes.
 */
public final class SqsSendMessage implements ServiceIntegration {
  private final AwsJsonService sqs;
  private final Executor executor;

  public SqsSendMessage(AwsJsonService sqs, Executor executor) {
    this.sqs = sqs;
    this.executor = executor;
  }

  @Override
  public String service() {
    return "sqs";
  }

  @Override
  public Set<IntegrationPattern> patterns(String action) {
    return "sendMessage".equals(action)
        ? EnumSet.of(IntegrationPattern.REQUEST_RESPONSE, IntegrationPattern.WAIT_FOR_TASK_TOKEN)
        : Set.of();
  }

  @Override
  public CompletableFuture<JsonNode> call(TaskCall call) {
    if (!call.parameters().isObject() || !call.parameters().hasNonNull("QueueUrl")) {
      return CompletableFuture.failedFuture(
          new IntegrationFailure(
              "States.Runtime", "The field 'QueueUrl' is required by sqs:sendMessage."));
    }
    ObjectNode request = call.parameters().deepCopy();
    JsonNode body = request.get("MessageBody");
    if (body != null && !body.isTextual()) {
      request.put("MessageBody", body.toString());
    }
    return AwsServiceCalls.invoke(sqs, "SQS", "SendMessage", request, executor);
  }
}
