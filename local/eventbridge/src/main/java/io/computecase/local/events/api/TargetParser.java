package io.computecase.local.events.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.events.delivery.DeliveryDispatcher;
import io.computecase.local.events.model.EventsException;
import io.computecase.local.events.model.ResourceArns;
import io.computecase.local.events.model.RetryPolicy;
import io.computecase.local.events.model.Target;
import io.computecase.local.events.transform.TargetInputs;
import io.computecase.local.protocol.AwsServiceException;
import io.computecase.local.protocol.RequestFields;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads one member of PutTargets' Targets into a checked {@link Target}. */
final class TargetParser {
  private final DeliveryDispatcher dispatcher;

  TargetParser(DeliveryDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  Target parse(JsonNode node) {
    if (!node.isObject()) {
      throw new AwsServiceException(
          "SerializationException", "Each member of Targets must be a JSON object");
    }
    RequestFields fields = new RequestFields(node);
    String id =
        MemberConstraints.name(
            "targets.member.id", fields.requiredString("Id"), MemberConstraints.TARGET_ID, 64);
    String arn = fields.requiredString("Arn");
    String service = ResourceArns.parse(arn).map(ResourceArns.ParsedArn::service).orElse(null);
    if (service == null) {
      throw EventsException.invalid(
          "Parameter Arn of target " + id + " is not valid. Reason: '" + arn + "' is not an ARN.");
    }
    if (!dispatcher.supports(arn)) {
      throw EventsException.invalid(
          "Target "
              + id
              + " ("
              + arn
              + ") cannot be delivered to: the local EventBridge delivers to SQS queues and Step"
              + " Functions state machines, and only when its builder was given that service.");
    }
    String roleArn = fields.optionalString("RoleArn").orElse(null);
    if ("states".equals(service) && roleArn == null) {
      throw EventsException.invalid(
          "RoleArn is required for target " + id + ": a state machine target needs a role.");
    }
    String messageGroupId = fields.node("SqsParameters").path("MessageGroupId").asText(null);
    if (arn.endsWith(".fifo") && messageGroupId == null) {
      throw EventsException.invalid(
          "Target " + id + " is a FIFO queue: set SqsParameters.MessageGroupId for it.");
    }
    String input = fields.optionalString("Input").orElse(null);
    String inputPath = fields.optionalString("InputPath").orElse(null);
    JsonNode transformer = fields.node("InputTransformer");
    Map<String, String> pathsMap = null;
    String template = null;
    if (transformer.isObject()) {
      pathsMap = new LinkedHashMap<>();
      for (var entry : transformer.path("InputPathsMap").properties()) {
        pathsMap.put(entry.getKey(), entry.getValue().asText());
      }
      template = transformer.path("InputTemplate").asText("");
    }
    JsonNode retry = fields.node("RetryPolicy");
    RetryPolicy policy = retryPolicy(retry);
    String deadLetterArn = fields.node("DeadLetterConfig").path("Arn").asText(null);
    if (deadLetterArn != null
        && !ResourceArns.parse(deadLetterArn).map(a -> a.service().equals("sqs")).orElse(false)) {
      throw EventsException.invalid(
          "Parameter DeadLetterConfig.Arn of target "
              + id
              + " is not valid. Reason: '"
              + deadLetterArn
              + "' is not an SQS queue ARN (arn:aws:sqs:<region>:<account>:<queue>).");
    }
    if (deadLetterArn != null && deadLetterArn.endsWith(".fifo")) {
      throw EventsException.invalid(
          "Parameter DeadLetterConfig.Arn of target "
              + id
              + " is not valid. Reason: a FIFO queue cannot be a "
              + "dead-letter queue; use a standard queue.");
    }
    return new Target(
        id,
        arn,
        roleArn,
        input,
        inputPath,
        pathsMap == null ? Map.of() : Map.copyOf(pathsMap),
        template,
        policy,
        retry.isObject(),
        deadLetterArn,
        messageGroupId,
        TargetInputs.compile(id, input, inputPath, pathsMap, template));
  }

  private static RetryPolicy retryPolicy(JsonNode retry) {
    if (!retry.isObject()) {
      return RetryPolicy.DEFAULT;
    }
    RequestFields fields = new RequestFields(retry);
    int attempts =
        fields
            .optionalInt("MaximumRetryAttempts")
            .map(a -> MemberConstraints.range("retryPolicy.maximumRetryAttempts", a, 0, 185))
            .orElse(RetryPolicy.DEFAULT.maximumRetryAttempts());
    int age =
        fields
            .optionalInt("MaximumEventAgeInSeconds")
            .map(
                a -> MemberConstraints.range("retryPolicy.maximumEventAgeInSeconds", a, 60, 86_400))
            .orElse(RetryPolicy.DEFAULT.maximumEventAgeInSeconds());
    return new RetryPolicy(attempts, age);
  }
}
