package io.computecase.operator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The queue policy that lets a target's rule, and only it, deliver to the target's queues. */
class DeliveryPolicyTest {
  @Test
  void grantsSendMessageToEventBridgeForThisRuleOnly() throws Exception {
    JsonNode policy =
        new ObjectMapper()
            .readTree(
                TargetRouting.deliveryPolicy(
                    "arn:aws:sqs:eu-west-1:123456789012:computecase-cpu",
                    "arn:aws:events:eu-west-1:123456789012:rule/computecase/computecase-cpu"));

    JsonNode statement = policy.at("/Statement/0");
    assertThat(policy.get("Version").asText()).isEqualTo("2012-10-17");
    assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
    assertThat(statement.at("/Principal/Service").asText()).isEqualTo("events.amazonaws.com");
    assertThat(statement.get("Action").asText()).isEqualTo("sqs:SendMessage");
    assertThat(statement.get("Resource").asText())
        .isEqualTo("arn:aws:sqs:eu-west-1:123456789012:computecase-cpu");
    assertThat(statement.at("/Condition/ArnEquals/aws:SourceArn").asText())
        .isEqualTo("arn:aws:events:eu-west-1:123456789012:rule/computecase/computecase-cpu");
  }
}
