package io.computecase.operator.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.operator.config.AwsNames;
import io.computecase.operator.config.TargetKey;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

/**
 * The routing of one compute target: its queue with a dead-letter queue, and a rule on the
 * install's bus sending to the queue the item events whose route is one of the target's (named by
 * {@link AwsNames}). Every call converges, so it is safe to repeat.
 */
public final class TargetRouting {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final SqsClient sqs;
  private final EventBridgeClient events;
  private final String busName;
  private final AwsNames names;

  public TargetRouting(SqsClient sqs, EventBridgeClient events, String busName, AwsNames names) {
    this.sqs = sqs;
    this.events = events;
    this.busName = busName;
    this.names = names;
  }

  public AwsNames names() {
    return names;
  }

  /**
   * The rule's pattern: item events routed to these case targets of the target's namespace (or of
   * the install), optionally narrowed by the item's content.
   */
  public static String eventPattern(
      TargetKey target, List<String> routeFrom, JsonNode itemPattern) {
    ObjectNode pattern = MAPPER.createObjectNode();
    pattern.putArray("source").add("computecase.io");
    pattern.putArray("detail-type").add("ComputeCaseItem");
    ObjectNode detail = pattern.putObject("detail");
    routeFrom.stream().map(target::route).forEach(detail.putArray("route")::add);
    if (itemPattern != null && !itemPattern.isNull() && !itemPattern.isEmpty()) {
      detail.set("item", itemPattern);
    }
    return pattern.toString();
  }

  /** Creates or converges the queues, the rule and its target; returns what exists now. */
  public TargetResources ensure(TargetKey target, RoutingSettings settings) {
    AwsNames.TargetNames named = names.of(target);
    Map<String, String> tags = tags(target);
    String dlqUrl = ensureQueue(named.deadLetterQueue(), Map.of(), tags);
    String dlqArn = queueArn(dlqUrl);
    ObjectNode redrive = MAPPER.createObjectNode();
    redrive.put("deadLetterTargetArn", dlqArn);
    redrive.put("maxReceiveCount", String.valueOf(settings.maxReceiveCount()));
    Map<QueueAttributeName, String> attributes = new HashMap<>();
    attributes.put(QueueAttributeName.REDRIVE_POLICY, redrive.toString());
    if (settings.visibilityTimeoutSeconds() != null) {
      attributes.put(
          QueueAttributeName.VISIBILITY_TIMEOUT,
          String.valueOf(settings.visibilityTimeoutSeconds()));
    }
    String queueUrl = ensureQueue(named.queue(), attributes, tags);
    String queueArn = queueArn(queueUrl);
    String ruleArn =
        events
            .putRule(
                r ->
                    r.name(named.rule())
                        .eventBusName(busName)
                        .eventPattern(
                            eventPattern(target, settings.routeFrom(), settings.itemPattern()))
                        .description("ComputeCase items of target " + target + " to its queue"))
            .ruleArn();
    var put =
        events.putTargets(
            r ->
                r.rule(named.rule())
                    .eventBusName(busName)
                    .targets(
                        Target.builder()
                            .id("queue")
                            .arn(queueArn)
                            // undeliverable events end in the dead-letter queue, not lost
                            .retryPolicy(
                                r2 -> r2.maximumRetryAttempts(185).maximumEventAgeInSeconds(86400))
                            .deadLetterConfig(d -> d.arn(dlqArn))
                            .build()));
    if (put.failedEntryCount() != null && put.failedEntryCount() > 0) {
      var failed = put.failedEntries().get(0);
      throw new IllegalStateException(
          "PutTargets for rule "
              + named.rule()
              + " failed: "
              + failed.errorCode()
              + " "
              + failed.errorMessage());
    }
    // EventBridge may send to a queue only when the queue's policy lets the rule do so: without
    // it every item would be undeliverable on AWS. The dead-letter queue needs the same grant.
    sqs.setQueueAttributes(
        r ->
            r.queueUrl(queueUrl)
                .attributes(Map.of(QueueAttributeName.POLICY, deliveryPolicy(queueArn, ruleArn))));
    sqs.setQueueAttributes(
        r ->
            r.queueUrl(dlqUrl)
                .attributes(Map.of(QueueAttributeName.POLICY, deliveryPolicy(dlqArn, ruleArn))));
    return new TargetResources(target, queueUrl, queueArn, dlqUrl, ruleArn);
  }

  /** Which install, namespace and target a queue serves, for whoever lists the account's queues. */
  private Map<String, String> tags(TargetKey target) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("computecase.io/install", names.prefix());
    if (target.isNamespaced()) {
      tags.put("computecase.io/namespace", target.namespace());
    }
    tags.put("computecase.io/target", target.name());
    return tags;
  }

  /** The queue policy letting one EventBridge rule, and nothing else, send to the queue. */
  static String deliveryPolicy(String queueArn, String ruleArn) {
    ObjectNode policy = MAPPER.createObjectNode();
    policy.put("Version", "2012-10-17");
    ObjectNode statement = policy.putArray("Statement").addObject();
    statement.put("Sid", "ComputeCaseRuleDelivery");
    statement.put("Effect", "Allow");
    statement.putObject("Principal").put("Service", "events.amazonaws.com");
    statement.put("Action", "sqs:SendMessage");
    statement.put("Resource", queueArn);
    statement.putObject("Condition").putObject("ArnEquals").put("aws:SourceArn", ruleArn);
    return policy.toString();
  }

  /** Removes the rule (targets first, as EventBridge requires) and both queues. */
  public void remove(TargetKey target) {
    AwsNames.TargetNames named = names.of(target);
    try {
      events.removeTargets(r -> r.rule(named.rule()).eventBusName(busName).ids("queue"));
      events.deleteRule(r -> r.name(named.rule()).eventBusName(busName));
    } catch (ResourceNotFoundException e) {
      // already gone
    }
    for (String name : List.of(named.queue(), named.deadLetterQueue())) {
      try {
        String url = sqs.getQueueUrl(r -> r.queueName(name)).queueUrl();
        sqs.deleteQueue(r -> r.queueUrl(url));
      } catch (QueueDoesNotExistException e) {
        // already gone
      }
    }
  }

  /** Messages waiting and in flight in the target's queue, approximately, as SQS counts. */
  public long[] depth(String queueUrl) {
    var attributes =
        sqs.getQueueAttributes(
                r ->
                    r.queueUrl(queueUrl)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return new long[] {
      Long.parseLong(
          attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")),
      Long.parseLong(
          attributes.getOrDefault(
              QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"))
    };
  }

  /** Creates a queue, or brings an existing one to the wanted attributes. */
  private String ensureQueue(
      String name, Map<QueueAttributeName, String> attributes, Map<String, String> tags) {
    try {
      return sqs.createQueue(r -> r.queueName(name).attributes(attributes).tags(tags)).queueUrl();
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
