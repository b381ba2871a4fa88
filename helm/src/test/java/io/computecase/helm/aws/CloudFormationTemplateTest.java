package io.computecase.helm.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.helm.chart.ChartSources;
import io.computecase.helm.chart.PodContainer;
import io.computecase.helm.chart.RenderedChart;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/aws/computecase.cfn.json creates what the IAM documents describe, for the names the chart
 * uses by default: one source of truth for permissions, checked rather than trusted.
 */
class CloudFormationTemplateTest {

  /** The placeholders of the policy files and their CloudFormation equivalents. */
  private static final Map<String, String> SUBSTITUTIONS = new LinkedHashMap<>();

  static {
    SUBSTITUTIONS.put("arn:aws:", "arn:${AWS::Partition}:");
    SUBSTITUTIONS.put("${AWS_REGION}", "${AWS::Region}");
    SUBSTITUTIONS.put("${AWS_ACCOUNT_ID}", "${AWS::AccountId}");
    SUBSTITUTIONS.put("${COMPUTECASE_RESOURCE_PREFIX}", "${ResourcePrefix}");
    SUBSTITUTIONS.put("${COMPUTECASE_BUS_NAME}", "${BusName}");
    SUBSTITUTIONS.put("${COMPUTECASE_STATE_MACHINE_NAME}", "${StateMachineName}");
    SUBSTITUTIONS.put("${COMPUTECASE_STATE_MACHINE_ROLE_NAME}", "${StateMachineRoleName}");
    SUBSTITUTIONS.put("${COMPUTECASE_S3_BUCKET}", "${ResultsBucket}");
  }

  private static JsonNode template;

  @BeforeAll
  static void read() throws IOException {
    template =
        PolicyDocument.JSON.readTree(
            ChartSources.repositoryRoot().resolve("docs/aws/computecase.cfn.json").toFile());
  }

  @Test
  void managedPoliciesAreThePolicyDocuments() throws IOException {
    assertThat(resource("OperatorPolicy").at("/Properties/PolicyDocument"))
        .isEqualTo(asCloudFormation("operator-policy.json"));
    assertThat(resource("WorkerPolicy").at("/Properties/PolicyDocument"))
        .isEqualTo(asCloudFormation("worker-policy.json"));
  }

  @Test
  void theStateMachineRoleIsTheDocumentedRoleAndTrust() throws IOException {
    JsonNode role = resource("StateMachineRole").path("Properties");
    assertThat(role.at("/Policies/0/PolicyDocument"))
        .isEqualTo(asCloudFormation("state-machine-policy.json"));
    assertThat(role.path("AssumeRolePolicyDocument"))
        .isEqualTo(asCloudFormation("state-machine-trust-policy.json"));
    assertThat(role.path("RoleName").path("Ref").asText()).isEqualTo("StateMachineRoleName");
  }

  @Test
  void podIdentityRolesTrustEksAndAreAssociatedWithTheChartsServiceAccounts() throws IOException {
    for (String who : List.of("Operator", "Worker")) {
      JsonNode role = resource(who + "Role");
      assertThat(role.path("Condition").asText()).isEqualTo("UsePodIdentity");
      assertThat(role.at("/Properties/AssumeRolePolicyDocument"))
          .isEqualTo(asCloudFormation("pod-identity-trust-policy.json"));
      assertThat(role.at("/Properties/ManagedPolicyArns/0/Ref").asText()).isEqualTo(who + "Policy");
      JsonNode association = resource(who + "PodIdentityAssociation").path("Properties");
      assertThat(association.at("/ServiceAccount/Ref").asText()).isEqualTo(who + "ServiceAccount");
      assertThat(association.at("/RoleArn/Fn::GetAtt/0").asText()).isEqualTo(who + "Role");
    }
  }

  @Test
  void defaultsMatchTheChartInstalledAsDocumented() {
    // docs/aws.md: helm install computecase ... --namespace computecase-system
    RenderedChart chart = RenderedChart.render("computecase", List.of(), Map.of());
    Map<String, String> env = PodContainer.operator(chart).env();
    // the release computecase: its prefix, bus and state machine are all "computecase"
    assertThat(parameterDefault("ResourcePrefix"))
        .isEqualTo(env.get("COMPUTECASE_RESOURCE_PREFIX"));
    assertThat(env).doesNotContainKeys("COMPUTECASE_BUS_NAME", "COMPUTECASE_STATE_MACHINE_NAME");
    assertThat(parameterDefault("BusName")).isEqualTo(parameterDefault("ResourcePrefix"));
    assertThat(parameterDefault("StateMachineName")).isEqualTo(parameterDefault("ResourcePrefix"));
    assertThat(parameterDefault("Namespace")).isEqualTo(RenderedChart.NAMESPACE);
    assertThat(chart.all(ServiceAccount.class))
        .extracting(sa -> sa.getMetadata().getName())
        .containsExactlyInAnyOrder(
            parameterDefault("OperatorServiceAccount"), parameterDefault("WorkerServiceAccount"));
    assertThat(PodContainer.operator(chart).pod().getServiceAccountName())
        .isEqualTo(parameterDefault("OperatorServiceAccount"));
  }

  @Test
  void theOptionalQueueFollowsTheTargetContract() {
    JsonNode queue = resource("DefaultQueue");
    assertThat(queue.path("Condition").asText()).isEqualTo("CreateQueue");
    assertThat(queue.at("/Properties/QueueName/Fn::Sub").asText())
        .isEqualTo("${ResourcePrefix}-${DefaultTargetName}");
    assertThat(resource("DefaultDeadLetterQueue").at("/Properties/QueueName/Fn::Sub").asText())
        .isEqualTo("${ResourcePrefix}-${DefaultTargetName}-dlq");
    assertThat(queue.at("/Properties/RedrivePolicy/maxReceiveCount/Ref").asText())
        .isEqualTo("MaxReceiveCount");
    assertThat(parameterDefault("MaxReceiveCount")).isEqualTo("5");
    // The rule's dead-letter config sends undeliverable events to the DLQ: it needs the grant too.
    assertThat(resource("DefaultQueuePolicy").at("/Properties/Queues").toString())
        .contains("\"DefaultQueue\"")
        .contains("\"DefaultDeadLetterQueue\"");
    JsonNode statement =
        resource("DefaultQueuePolicy").at("/Properties/PolicyDocument/Statement/0");
    assertThat(statement.at("/Principal/Service").asText()).isEqualTo("events.amazonaws.com");
    assertThat(statement.path("Action").asText()).isEqualTo("sqs:SendMessage");
    assertThat(statement.at("/Condition/ArnEquals/aws:SourceArn/Fn::Sub").asText())
        .endsWith(":rule/${BusName}/${ResourcePrefix}-${DefaultTargetName}");
  }

  @Test
  void theResultsBucketExpiresStagedItemsAndResultsAndIsReadableByUsersObjectsOnlyWhenGiven() {
    JsonNode bucket = resource("ResultsBucket");
    assertThat(bucket.path("Type").asText()).isEqualTo("AWS::S3::Bucket");
    assertThat(bucket.at("/Properties/BucketName/Fn::Sub").asText())
        .isEqualTo("${ResourcePrefix}-${AWS::AccountId}-${AWS::Region}");
    JsonNode rules = bucket.at("/Properties/LifecycleConfiguration/Rules");
    for (String prefix : List.of("results/", "cases/")) {
      assertThat(rules)
          .anySatisfy(
              rule -> {
                assertThat(rule.path("Prefix").asText()).isEqualTo(prefix);
                assertThat(rule.path("Status").asText()).isEqualTo("Enabled");
                assertThat(rule.at("/ExpirationInDays/Ref").asText())
                    .isEqualTo("ResultsRetentionDays");
              });
    }
    assertThat(
            bucket.at("/Properties/PublicAccessBlockConfiguration/BlockPublicPolicy").asBoolean())
        .isTrue();
    JsonNode userItems = resource("StateMachineRole").at("/Properties/Policies/1/Fn::If");
    assertThat(userItems.get(0).asText()).isEqualTo("ReadsUserItems");
    assertThat(userItems.at("/1/PolicyDocument/Statement/0/Action").asText())
        .isEqualTo("s3:GetObject");
    assertThat(userItems.at("/1/PolicyDocument/Statement/0/Resource/Ref").asText())
        .isEqualTo("ItemsReadObjectArns");
    assertThat(template.at("/Outputs/HelmSetFlags/Value/Fn::Sub").asText())
        .contains("--set aws.s3.bucket=${ResultsBucket}");
  }

  @Test
  void everyResourceConditionIsDeclared() {
    template
        .path("Resources")
        .forEach(
            r -> {
              if (r.has("Condition")) {
                assertThat(template.path("Conditions").has(r.path("Condition").asText())).isTrue();
              }
              assertThat(r.path("Type").asText()).matches("AWS::[A-Za-z0-9]+::[A-Za-z0-9]+");
            });
  }

  private static String parameterDefault(String name) {
    return template.path("Parameters").path(name).path("Default").asText();
  }

  private static JsonNode resource(String name) {
    JsonNode resource = template.path("Resources").path(name);
    assertThat(resource.isMissingNode()).as("resource %s", name).isFalse();
    return resource;
  }

  /** A policy file as CloudFormation writes it: ARNs and placeholders become Fn::Sub strings. */
  private static JsonNode asCloudFormation(String file) throws IOException {
    return substitute(PolicyDocument.read(file).json());
  }

  private static JsonNode substitute(JsonNode node) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (node.isTextual()) {
      String text = node.asText();
      if (!text.contains("${") && !text.startsWith("arn:aws:")) {
        return node;
      }
      for (Map.Entry<String, String> substitution : SUBSTITUTIONS.entrySet()) {
        text = text.replace(substitution.getKey(), substitution.getValue());
      }
      ObjectNode sub = nodes.objectNode();
      sub.put("Fn::Sub", text);
      return sub;
    }
    if (node.isArray()) {
      ArrayNode array = nodes.arrayNode();
      node.forEach(child -> array.add(substitute(child)));
      return array;
    }
    if (node.isObject()) {
      ObjectNode object = nodes.objectNode();
      node.fields().forEachRemaining(e -> object.set(e.getKey(), substitute(e.getValue())));
      return object;
    }
    return node;
  }
}
