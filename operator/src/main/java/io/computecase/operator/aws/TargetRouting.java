package io.computecase.operator.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

/**
 * The routing of one compute target T: queue {@code computecase-T} with its dead-letter queue
 * {@code computecase-T-dlq}, and rule {@code computecase-T} on the computing bus sending T's
 * item events to the queue. Every call converges, so it is safe to repeat.
 */
public final class TargetRouting {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final SqsClient sqs;
  private final EventBridgeClient events;
  private final String busName;

  public TargetRouting(SqsClient sqs, EventBridgeClient events, String busName) {
    this.sqs = sqs;
    this.events = events;
    this.busName = busName;
  }

  public static String queueName(String target) {
    return "computecase-" + target;
  }

  public static String ruleName(String target) {
    return "computecase-" + target;
  }

  /** The rule's pattern: item events of this target only. */
  public static String eventPattern(String target) {
    ObjectNode pattern = MAPPER.createObjectNode();
    pattern.putArray("source").add("computecase.io");
    pattern.putArray("detail-type").add("ComputeCaseItem");
    pattern.putObject("detail").putArray("target").add(target);
    return pattern.toString();
  }

  /** Creates or converges the queues, the rule and its target; returns what exists now. */
  public TargetResources ensure(String target, int maxReceiveCount) {
    String dlqUrl = ensureQueue(queueName(target) + "-dlq", Map.of());
    String dlqArn = queueArn(dlqUrl);
    ObjectNode redrive = MAPPER.createObjectNode();
    redrive.put("deadLetterTargetArn", dlqArn);
    redrive.put("maxReceiveCount", String.valueOf(maxReceiveCount));
    String queueUrl =
        ensureQueue(queueName(target), Map.of(QueueAttributeName.REDRIVE_POLICY, redrive.toString()));
    String queueArn = queueArn(queueUrl);
    String ruleArn =
        events
            .putRule(
                r ->
                    r.name(ruleName(target))
                        .eventBusName(busName)
                        .eventPattern(eventPattern(target))
                        .description("ComputeCase items of target " + target + " to its queue"))
            .ruleArn();
    var put =
        events.putTargets(
            r ->
                r.rule(ruleName(target))
                    .eventBusName(busName)
                    .targets(Target.builder().id("queue").arn(queueArn).build()));
    if (put.failedEntryCount() != null && put.failedEntryCount() > 0) {
      var failed = put.failedEntries().get(0);
      throw new IllegalStateException(
          "PutTargets for rule " + ruleName(target) + " failed: " + failed.errorCode() + " "
              + failed.errorMessage());
    }
    return new TargetResources(target, queueUrl, queueArn, dlqUrl, ruleArn);
  }

  /** Creates a queue, or brings an existing one to the wanted attributes. */
  private String ensureQueue(String name, Map<QueueAttributeName, String> attributes) {
    try {
      return sqs.createQueue(r -> r.queueName(name).attributes(attributes)).queueUrl();
    } catch (QueueNameExistsException e) {
      // SQS refuses CreateQueue when the existing queue's attributes differ: converge them.
      String url = sqs.getQueueUrl(r -> r.queueName(name)).queueUrl();
      sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(attributes));
      return url;
    }
  }

  private String queueArn(String queueUrl) {
    return sqs.getQueueAttributes(
            r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes()
        .get(QueueAttributeName.QUEUE_ARN);
  }
}
