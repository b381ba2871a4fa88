package io.computecase.local.events.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.events.model.EventBus;
import io.computecase.local.events.model.Rule;
import io.computecase.local.events.model.Target;
import io.computecase.local.protocol.AwsJson;
import java.time.Instant;

/** The JSON shapes of buses, rules and targets in EventBridge answers. */
final class WireShapes {
  private WireShapes() {}

  static ObjectNode bus(EventBus bus) {
    ObjectNode node = AwsJson.MAPPER.createObjectNode();
    node.put("Name", bus.name());
    node.put("Arn", bus.arn());
    if (bus.description() != null) {
      node.put("Description", bus.description());
    }
    node.put("CreationTime", epochSeconds(bus.creationTime()));
    node.put("LastModifiedTime", epochSeconds(bus.lastModifiedTime()));
    return node;
  }

  static ObjectNode rule(Rule rule) {
    ObjectNode node = AwsJson.MAPPER.createObjectNode();
    node.put("Name", rule.name());
    node.put("Arn", rule.arn());
    present(node, "EventPattern", rule.eventPattern());
    present(node, "ScheduleExpression", rule.scheduleExpression());
    node.put("State", rule.state().name());
    present(node, "Description", rule.description());
    present(node, "RoleArn", rule.roleArn());
    node.put("EventBusName", rule.busName());
    return node;
  }

  static ObjectNode target(Target target) {
    ObjectNode node = AwsJson.MAPPER.createObjectNode();
    node.put("Id", target.id());
    node.put("Arn", target.arn());
    present(node, "RoleArn", target.roleArn());
    present(node, "Input", target.input());
    present(node, "InputPath", target.inputPath());
    if (target.hasInputTransformer()) {
      ObjectNode transformer = node.putObject("InputTransformer");
      ObjectNode paths = transformer.putObject("InputPathsMap");
      target.inputPathsMap().forEach(paths::put);
      transformer.put("InputTemplate", target.inputTemplate());
    }
    if (target.retryPolicySet()) {
      node.putObject("RetryPolicy")
          .put("MaximumRetryAttempts", target.retryPolicy().maximumRetryAttempts())
          .put("MaximumEventAgeInSeconds", target.retryPolicy().maximumEventAgeInSeconds());
    }
    if (target.deadLetterArn() != null) {
      node.putObject("DeadLetterConfig").put("Arn", target.deadLetterArn());
    }
    if (target.messageGroupId() != null) {
      node.putObject("SqsParameters").put("MessageGroupId", target.messageGroupId());
    }
    return node;
  }

  /** Sets a member only when it has a value: AWS leaves absent members out. */
  static ObjectNode present(ObjectNode node, String member, String value) {
    if (value != null) {
      node.put(member, value);
    }
    return node;
  }

  /** JSON 1.1 timestamps are epoch seconds. */
  static double epochSeconds(Instant instant) {
    return instant.toEpochMilli() / 1000.0;
  }
}
