package io.computecase.operator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.operator.testing.OperatorTestStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** At start the operator provisions the bus, each target's queues and rule, the state machine. */
class ProvisioningTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private OperatorTestStack stack;

  @BeforeEach
  void start() {
    stack = new OperatorTestStack();
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  @Test
  void provisionsQueuesWithDeadLetterQueueRuleAndStateMachine() throws Exception {
    stack.startOperator(stack.config().toBuilder().targets(List.of("default", "cpu")).build());

    assertThat(stack.events.buses).containsExactly("computecase");
    try (SqsClient sqs = stack.sqs()) {
      for (String target : List.of("default", "cpu")) {
        String url = sqs.getQueueUrl(r -> r.queueName("computecase-" + target)).queueUrl();
        String dlqUrl =
            sqs.getQueueUrl(r -> r.queueName("computecase-" + target + "-dlq")).queueUrl();
        Map<QueueAttributeName, String> attributes =
            sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                .attributes();
        String dlqArn =
            sqs.getQueueAttributes(
                    r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        JsonNode redrive = JSON.readTree(attributes.get(QueueAttributeName.REDRIVE_POLICY));
        assertThat(redrive.get("deadLetterTargetArn").asText()).isEqualTo(dlqArn);
        assertThat(redrive.get("maxReceiveCount").asInt()).isEqualTo(5);

        JsonNode rule = stack.events.rules.get("computecase-" + target);
        assertThat(rule.get("EventBusName").asText()).isEqualTo("computecase");
        assertThat(JSON.readTree(rule.get("EventPattern").asText()))
            .isEqualTo(
                JSON.readTree(
                    "{\"source\":[\"computecase.io\"],\"detail-type\":[\"ComputeCaseItem\"],"
                        + "\"detail\":{\"route\":[\""
                        + target
                        + "\"]}}"));
        JsonNode queueTarget = stack.events.targets.get("computecase-" + target).get("queue");
        assertThat(queueTarget.get("Arn").asText())
            .isEqualTo(attributes.get(QueueAttributeName.QUEUE_ARN));
      }
    }
    JsonNode reviewed = JSON.readTree(Files.readString(Path.of("../asl/computecase.asl.json")));
    assertThat(stack.sfn.stateMachines())
        .extracting(machine -> machine.get("name").asText())
        .containsExactlyInAnyOrder("computecase", "computecase-json", "computecase-csv");
    for (JsonNode machine : stack.sfn.stateMachines()) {
      JsonNode definition = JSON.readTree(machine.get("definition").asText());
      String name = machine.get("name").asText();
      JsonNode readerConfig = definition.at("/States/ComputeItems/ItemReader/ReaderConfig");
      switch (name) {
        case "computecase" -> assertThat(definition).isEqualTo(reviewed);
        case "computecase-json" ->
            assertThat(readerConfig).isEqualTo(JSON.readTree("{\"InputType\":\"JSON\"}"));
        default ->
            assertThat(readerConfig)
                .isEqualTo(
                    JSON.readTree("{\"InputType\":\"CSV\",\"CSVHeaderLocation\":\"FIRST_ROW\"}"));
      }
      // the variants differ from asl/ in their ReaderConfig only
      ((ObjectNode) definition.at("/States/ComputeItems/ItemReader"))
          .set("ReaderConfig", reviewed.at("/States/ComputeItems/ItemReader/ReaderConfig"));
      assertThat(definition).as(name).isEqualTo(reviewed);
    }
  }

  @Test
  void provisioningAgainChangesNothingAndRepairsADriftedDefinition() {
    stack.startOperator();
    String arn = stack.operator().stateMachineArn();
    stack.stopOperator();
    stack.startOperator();
    // one state machine per item format: JSON Lines, JSON, CSV
    assertThat(stack.sfn.createStateMachineCalls.get()).isEqualTo(3);
    assertThat(stack.sfn.updateStateMachineCalls.get()).isZero();
    stack.stopOperator();

    stack.sfn.driftDefinition(arn, "{\"StartAt\":\"X\",\"States\":{\"X\":{\"Type\":\"Succeed\"}}}");
    stack.startOperator();

    assertThat(stack.operator().stateMachineArn()).isEqualTo(arn);
    assertThat(stack.sfn.updateStateMachineCalls.get()).isEqualTo(1);
    assertThat(stack.sfn.stateMachines())
        .filteredOn(machine -> machine.get("stateMachineArn").asText().equals(arn))
        .singleElement()
        .satisfies(
            machine -> assertThat(machine.get("definition").asText()).contains("ItemReader"));
  }
}
