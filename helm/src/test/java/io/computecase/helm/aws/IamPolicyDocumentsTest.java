package io.computecase.helm.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.helm.chart.ChartSources;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The IAM documents in docs/aws grant what each component calls, on its own resources only. */
class IamPolicyDocumentsTest {

  private static final Map<String, String> ARN_OF_RESOURCE_TYPE =
      Map.of(
          "stateMachine", "arn:aws:states:${AWS_REGION}:${AWS_ACCOUNT_ID}:stateMachine:",
          "execution", "arn:aws:states:${AWS_REGION}:${AWS_ACCOUNT_ID}:execution:",
          "mapRun", "arn:aws:states:${AWS_REGION}:${AWS_ACCOUNT_ID}:mapRun:",
          "event-bus", "arn:aws:events:${AWS_REGION}:${AWS_ACCOUNT_ID}:event-bus/",
          "rule", "arn:aws:events:${AWS_REGION}:${AWS_ACCOUNT_ID}:rule/",
          "queue", "arn:aws:sqs:${AWS_REGION}:${AWS_ACCOUNT_ID}:",
          "role", "arn:aws:iam::${AWS_ACCOUNT_ID}:role/",
          "object", "arn:aws:s3:::${COMPUTECASE_S3_BUCKET}/");

  private static JsonNode resourceTypes;

  @BeforeAll
  static void readActionTable() throws IOException {
    resourceTypes =
        PolicyDocument.JSON.readTree(
            ChartSources.moduleDir().resolve("src/test/resources/aws/iam-actions.json").toFile());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"operator-policy.json", "worker-policy.json", "state-machine-policy.json"})
  void everyActionIsNamedAndEveryResourceIsItsOwnType(String file) throws IOException {
    PolicyDocument policy = PolicyDocument.read(file);
    assertThat(policy.json().path("Version").asText()).isEqualTo("2012-10-17");
    for (PolicyDocument.Statement statement : policy.statements()) {
      assertThat(statement.effect()).isEqualTo("Allow");
      assertThat(statement.sid()).as("every statement says why with a Sid").isNotBlank();
      for (String action : statement.actions()) {
        assertThat(action).as("%s in %s", action, file).doesNotContain("*");
        assertThat(resourceTypes.has(action))
            .as("%s is an action ComputeCase is known to call", action)
            .isTrue();
        List<String> types = PolicyDocument.strings(resourceTypes.get(action));
        if (types.isEmpty()) {
          // No resource-level permission exists for it (the task token is the capability).
          assertThat(statement.resources()).as(action).containsExactly("*");
          continue;
        }
        for (String resource : statement.resources()) {
          assertThat(resource).as("%s on %s", action, resource).isNotEqualTo("*");
          assertThat(types.stream().map(ARN_OF_RESOURCE_TYPE::get))
              .as("%s may be granted on %s", action, types)
              .anySatisfy(prefix -> assertThat(resource).startsWith(prefix));
        }
      }
    }
  }

  @Test
  void theOperatorMayCallEveryApiItUses() throws IOException {
    assertThat(PolicyDocument.read("operator-policy.json").actions())
        .contains(
            "states:CreateStateMachine",
            "states:UpdateStateMachine",
            "states:DescribeStateMachine",
            "states:StartExecution",
            "states:StopExecution",
            "states:DescribeExecution",
            "states:ListExecutions",
            "states:ListMapRuns",
            "states:DescribeMapRun",
            "states:UpdateMapRun",
            "states:RedriveExecution",
            "events:CreateEventBus",
            "events:DescribeEventBus",
            "events:PutRule",
            "events:PutTargets",
            "events:RemoveTargets",
            "events:DeleteRule",
            "events:DescribeRule",
            "sqs:CreateQueue",
            "sqs:GetQueueUrl",
            "sqs:GetQueueAttributes",
            "sqs:SetQueueAttributes",
            "sqs:DeleteQueue",
            "s3:PutObject",
            "s3:DeleteObject",
            "s3:GetObject",
            "iam:PassRole");
  }

  @Test
  void theOperatorWritesOnlyStagedItemsAndReadsOnlyResults() throws IOException {
    PolicyDocument policy = PolicyDocument.read("operator-policy.json");
    String bucket = "arn:aws:s3:::${COMPUTECASE_S3_BUCKET}/";
    assertThat(policy.resourcesOf("s3:PutObject")).containsExactly(bucket + "cases/*");
    assertThat(policy.resourcesOf("s3:DeleteObject")).containsExactly(bucket + "cases/*");
    assertThat(policy.resourcesOf("s3:GetObject")).containsExactly(bucket + "results/*");
  }

  @Test
  void theOperatorPassesOnlyTheStateMachineRoleAndOnlyToStepFunctions() throws IOException {
    PolicyDocument policy = PolicyDocument.read("operator-policy.json");
    assertThat(policy.resourcesOf("iam:PassRole"))
        .containsExactly(
            "arn:aws:iam::${AWS_ACCOUNT_ID}:role/${COMPUTECASE_STATE_MACHINE_ROLE_NAME}");
    PolicyDocument.Statement pass =
        policy.statements().stream()
            .filter(s -> s.actions().contains("iam:PassRole"))
            .findFirst()
            .orElseThrow();
    assertThat(pass.condition().path("StringEquals").path("iam:PassedToService").asText())
        .isEqualTo("states.amazonaws.com");
  }

  @Test
  void everyQueueAndRuleGrantIsLimitedToComputeCaseNames() throws IOException {
    for (String file : List.of("operator-policy.json", "worker-policy.json")) {
      PolicyDocument policy = PolicyDocument.read(file);
      for (String action : policy.actions()) {
        if (action.startsWith("sqs:")) {
          assertThat(policy.resourcesOf(action))
              .allSatisfy(r -> assertThat(r).endsWith(":${COMPUTECASE_RESOURCE_PREFIX}-*"));
        }
        if (action.startsWith("events:")
            && (action.contains("Rule") || action.endsWith("Targets"))) {
          assertThat(policy.resourcesOf(action))
              .allSatisfy(
                  r ->
                      assertThat(r)
                          .endsWith(
                              ":rule/${COMPUTECASE_BUS_NAME}/${COMPUTECASE_RESOURCE_PREFIX}-*"));
        }
      }
    }
  }

  @Test
  void workersOnlyConsumeQueuesAndAnswerTokens() throws IOException {
    assertThat(PolicyDocument.read("worker-policy.json").actions())
        .containsExactlyInAnyOrder(
            "sqs:GetQueueUrl",
            "sqs:GetQueueAttributes",
            "sqs:ReceiveMessage",
            "sqs:DeleteMessage",
            "sqs:ChangeMessageVisibility",
            "states:SendTaskSuccess",
            "states:SendTaskFailure",
            "states:SendTaskHeartbeat");
  }

  @Test
  void theStateMachineRoleCoversEveryIntegrationOfTheAsl() throws IOException {
    JsonNode asl =
        PolicyDocument.JSON.readTree(
            ChartSources.repositoryRoot().resolve("asl/computecase.asl.json").toFile());
    List<String> resources = new ArrayList<>();
    List<String> mapLabels = new ArrayList<>();
    collect(asl, resources, mapLabels);
    PolicyDocument policy = PolicyDocument.read("state-machine-policy.json");
    String bucket = "arn:aws:s3:::${COMPUTECASE_S3_BUCKET}/";
    for (String resource : resources) {
      if (resource.equals("arn:aws:states:::s3:getObject")) {
        // the ItemReader reads the staged items; users' own objects are the install's choice
        assertThat(policy.resourcesOf("s3:GetObject")).contains(bucket + "cases/*");
      } else if (resource.equals("arn:aws:states:::s3:putObject")) {
        // the ResultWriter, with the actions the Developer Guide lists for it
        for (String action :
            List.of("s3:PutObject", "s3:ListMultipartUploadParts", "s3:AbortMultipartUpload")) {
          assertThat(policy.resourcesOf(action)).containsExactly(bucket + "results/*");
        }
        assertThat(policy.resourcesOf("s3:PutObject")).doesNotContain(bucket + "cases/*");
      } else if (resource.startsWith("arn:aws:states:::events:putEvents")) {
        assertThat(policy.resourcesOf("events:PutEvents"))
            .containsExactly(
                "arn:aws:events:${AWS_REGION}:${AWS_ACCOUNT_ID}:event-bus/${COMPUTECASE_BUS_NAME}");
      } else {
        throw new AssertionError("no IAM grant known for the ASL's integration " + resource);
      }
    }
    // A Distributed Map runs its items as child executions of the same state machine: the one of
    // asl/ and its variants by item format.
    assertThat(mapLabels).isNotEmpty();
    String machine =
        "arn:aws:states:${AWS_REGION}:${AWS_ACCOUNT_ID}:stateMachine:${COMPUTECASE_STATE_MACHINE_NAME}";
    assertThat(policy.resourcesOf("states:StartExecution"))
        .containsExactly(machine, machine + "-json", machine + "-csv");
    assertThat(policy.actions()).contains("states:DescribeExecution", "states:StopExecution");
    for (String label : mapLabels) {
      assertThat(policy.resourcesOf("states:RedriveExecution"))
          .contains(
              "arn:aws:states:${AWS_REGION}:${AWS_ACCOUNT_ID}:execution:${COMPUTECASE_STATE_MACHINE_NAME}/"
                  + label
                  + ":*");
    }
  }

  private static void collect(JsonNode node, List<String> resources, List<String> mapLabels) {
    if (node.isObject()) {
      if ("Task".equals(node.path("Type").asText())) {
        resources.add(node.path("Resource").asText());
      }
      for (String field : List.of("ItemReader", "ResultWriter")) {
        if (node.path(field).has("Resource")) {
          resources.add(node.path(field).path("Resource").asText());
        }
      }
      if ("Map".equals(node.path("Type").asText())
          && "DISTRIBUTED"
              .equals(node.path("ItemProcessor").path("ProcessorConfig").path("Mode").asText())) {
        mapLabels.add(node.path("Label").asText());
      }
      node.elements().forEachRemaining(child -> collect(child, resources, mapLabels));
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, resources, mapLabels));
    }
  }

  @Test
  void trustPoliciesAdmitOnlyTheirPrincipal() throws IOException {
    PolicyDocument stateMachine = PolicyDocument.read("state-machine-trust-policy.json");
    assertThat(stateMachine.json().at("/Statement/0/Principal/Service").asText())
        .isEqualTo("states.amazonaws.com");
    assertThat(
            stateMachine
                .json()
                .at("/Statement/0/Condition/StringEquals/aws:SourceAccount")
                .asText())
        .isEqualTo("${AWS_ACCOUNT_ID}");
    PolicyDocument podIdentity = PolicyDocument.read("pod-identity-trust-policy.json");
    assertThat(podIdentity.json().at("/Statement/0/Principal/Service").asText())
        .isEqualTo("pods.eks.amazonaws.com");
    assertThat(podIdentity.actions()).containsExactlyInAnyOrder("sts:AssumeRole", "sts:TagSession");
    PolicyDocument irsa = PolicyDocument.read("irsa-trust-policy.json");
    assertThat(irsa.json().at("/Statement/0/Condition/StringEquals").toString())
        .contains("system:serviceaccount:${NAMESPACE}:${SERVICE_ACCOUNT}")
        .contains("sts.amazonaws.com");
  }
}
