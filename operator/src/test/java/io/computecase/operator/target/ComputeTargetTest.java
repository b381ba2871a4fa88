package io.computecase.operator.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.computecase.api.v1alpha1.Autoscaling;
import io.computecase.api.v1alpha1.Computation;
import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.ComputeTarget;
import io.computecase.api.v1alpha1.ComputeTargetSpec;
import io.computecase.api.v1alpha1.Generate;
import io.computecase.operator.testing.OperatorTestStack;
import io.computecase.testing.TestingStepFunctions;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** ComputeTargets become queues, a rule and a worker Deployment, and go away when unused. */
@SuppressWarnings("unchecked")
class ComputeTargetTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static OperatorTestStack stack;

  @BeforeAll
  static void start() {
    stack = new OperatorTestStack();
    stack.startOperator();
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  private static ComputeTarget create(String name, Consumer<ComputeTargetSpec> shape) {
    ComputeTarget target = new ComputeTarget();
    target.setMetadata(
        new ObjectMetaBuilder().withName(name).withNamespace(OperatorTestStack.NAMESPACE).build());
    ComputeTargetSpec spec = new ComputeTargetSpec();
    spec.setImage("computecase/worker:test");
    shape.accept(spec);
    target.setSpec(spec);
    return stack.client.resource(target).create();
  }

  private static ComputeTarget awaitTarget(String name, String readyStatus) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              ComputeTarget t = get(name);
              return t != null
                  && t.getStatus() != null
                  && t.getStatus().getConditions().stream()
                      .anyMatch(
                          c -> c.getType().equals("Ready") && c.getStatus().equals(readyStatus));
            });
    return get(name);
  }

  private static ComputeTarget get(String name) {
    return stack
        .client
        .resources(ComputeTarget.class)
        .inNamespace(OperatorTestStack.NAMESPACE)
        .withName(name)
        .get();
  }

  @Test
  void buildsQueuesRuleAndWorkersAndRoutesItemsByContent() throws Exception {
    create(
        "large",
        spec -> {
          spec.setConcurrency(4);
          spec.setReplicas(2);
          spec.setVisibilityTimeoutSeconds(120);
          spec.setRouteFrom(List.of("mixed"));
          spec.setItemPattern(
              JSON.createObjectNode().set("size", JSON.createArrayNode().add("large")));
        });

    ComputeTarget ready = awaitTarget("large", "True");

    // <prefix>-<target>-<16 hex of install, namespace and target>: another namespace's "large"
    // gets other names
    assertThat(ready.getStatus().getQueueUrl()).matches(".*/computecase-large-[0-9a-f]{16}");
    String named = ready.getStatus().getQueueUrl().replaceAll(".*/", "");
    assertThat(ready.getStatus().getRuleArn()).endsWith("rule/computecase/" + named);
    assertThat(ready.getStatus().getApproximateQueueDepth()).isZero();
    try (SqsClient sqs = stack.sqs()) {
      Map<QueueAttributeName, String> attributes =
          sqs.getQueueAttributes(
                  r ->
                      r.queueUrl(ready.getStatus().getQueueUrl())
                          .attributeNames(QueueAttributeName.ALL))
              .attributes();
      assertThat(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("120");
    }
    JsonNode rule = stack.events.rules.get(named);
    assertThat(JSON.readTree(rule.get("EventPattern").asText()))
        .isEqualTo(
            JSON.readTree(
                "{\"source\":[\"computecase.io\"],\"detail-type\":[\"ComputeCaseItem\"],"
                    + "\"detail\":{\"route\":[\""
                    + OperatorTestStack.NAMESPACE
                    + "/mixed\"],\"item\":{\"size\":[\"large\"]}}}"));
    JsonNode queueTarget = stack.events.targets.get(named).get("queue");
    assertThat(queueTarget.path("DeadLetterConfig").path("Arn").asText())
        .endsWith(":" + named + "-dlq");
    Deployment workers =
        stack
            .client
            .apps()
            .deployments()
            .inNamespace(OperatorTestStack.NAMESPACE)
            .withName("computecase-worker-large")
            .get();
    assertThat(workers.getSpec().getReplicas()).isEqualTo(2);
    var container = workers.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getImage()).isEqualTo("computecase/worker:test");
    Map<String, String> env =
        container.getEnv().stream()
            .filter(e -> e.getValue() != null)
            .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    assertThat(env)
        .containsEntry("COMPUTECASE_QUEUE_URL", ready.getStatus().getQueueUrl())
        .containsEntry("COMPUTECASE_CONCURRENCY", "4")
        .containsEntry("COMPUTECASE_COMPUTATION", "simulate")
        .containsEntry("COMPUTECASE_TARGET", "large");

    ComputeCaseSpec routed = new ComputeCaseSpec();
    routed.setGenerate(new Generate(2));
    routed.setTarget("mixed");
    stack.create("routed-by-content", routed);
    assertThat(
            stack
                .awaitCase("routed-by-content", c -> c.getStatus().getStartTime() != null)
                .getStatus()
                .getPhase())
        .isEqualTo("Running");
  }

  @Test
  void scalesWithKedaOnQueueDepthWhenKedaIsInstalledAndNeverTouchesTheStateMachine() {
    stack
        .client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .resource(
            new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName("scaledobjects.keda.sh")
                .endMetadata()
                .withNewSpec()
                .withGroup("keda.sh")
                .withScope("Namespaced")
                .withNewNames()
                .withKind("ScaledObject")
                .withPlural("scaledobjects")
                .endNames()
                .addNewVersion()
                .withName("v1alpha1")
                .withServed(true)
                .withStorage(true)
                .endVersion()
                .endSpec()
                .build())
        .create();
    create(
        "elastic",
        spec -> {
          Autoscaling scaling = new Autoscaling();
          scaling.setMinReplicas(1);
          scaling.setMaxReplicas(8);
          scaling.setMessagesPerReplica(50);
          spec.setAutoscaling(scaling);
        });

    ComputeTarget ready = awaitTarget("elastic", "True");

    GenericKubernetesResource scaled =
        stack
            .client
            .genericKubernetesResources("keda.sh/v1alpha1", "ScaledObject")
            .inNamespace(OperatorTestStack.NAMESPACE)
            .withName("computecase-worker-elastic")
            .get();
    assertThat(scaled).isNotNull();
    Map<String, Object> spec = (Map<String, Object>) scaled.getAdditionalProperties().get("spec");
    assertThat(spec)
        .containsEntry("minReplicaCount", 1)
        .containsEntry("maxReplicaCount", 8)
        .containsEntry("scaleTargetRef", Map.of("name", "computecase-worker-elastic"));
    Map<String, Object> trigger = ((List<Map<String, Object>>) spec.get("triggers")).get(0);
    assertThat(trigger).containsEntry("type", "aws-sqs-queue");
    assertThat((Map<String, Object>) trigger.get("metadata"))
        .containsEntry("queueURL", ready.getStatus().getQueueUrl())
        .containsEntry("queueLength", "50")
        .containsEntry("scaleOnInFlight", "true");
    assertThat(ready.getStatus().getMessage()).contains("scaled by KEDA");
    // the three state machines of the start (one per item format), and nothing since
    assertThat(stack.sfn.createStateMachineCalls.get()).isEqualTo(3);
    assertThat(stack.sfn.updateStateMachineCalls.get()).isZero();
  }

  @Test
  void deletionWaitsForRunningCasesThenRemovesEverything() {
    create("busy", spec -> {});
    awaitTarget("busy", "True");
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setGenerate(new Generate(3));
    spec.setTarget("busy");
    stack.create("holder", spec);
    ComputeCase running = stack.awaitCase("holder", c -> c.getStatus().getStartTime() != null);
    String named = get("busy").getStatus().getQueueUrl().replaceAll(".*/", "");

    stack.client.resource(get("busy")).delete();

    await().atMost(Duration.ofSeconds(20)).until(() -> get("busy").getStatus().getUsedBy() != null);
    assertThat(get("busy").getStatus().getUsedBy()).containsExactly("cases/holder");
    assertThat(get("busy").getStatus().getMessage()).contains("cases/holder");
    TestingStepFunctions.Execution execution = stack.executionOf(running).orElseThrow();
    stack.sfn.finish(execution, "SUCCEEDED", "{}");
    stack.awaitCase("holder", OperatorTestStack.phase("Succeeded"));

    await().atMost(Duration.ofSeconds(20)).until(() -> get("busy") == null);
    assertThat(stack.events.rules).doesNotContainKey(named);
    assertThat(
            stack
                .client
                .apps()
                .deployments()
                .inNamespace(OperatorTestStack.NAMESPACE)
                .withName("computecase-worker-busy")
                .get())
        .isNull();
    try (SqsClient sqs = stack.sqs()) {
      Assertions.assertThatThrownBy(() -> sqs.getQueueUrl(r -> r.queueName(named)))
          .isInstanceOf(QueueDoesNotExistException.class);
    }
  }

  @Test
  void aCaseWaitsForItsTargetToBeReadyThenStarts() {
    // not Ready: its queue and rule are never built while the spec is wrong
    create(
        "late",
        spec -> {
          Computation computation = new Computation();
          computation.setKind("quantum");
          spec.setComputation(computation);
        });
    awaitTarget("late", "False");
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setGenerate(new Generate(2));
    spec.setTarget("late");
    stack.create("patient", spec);

    ComputeCase waiting =
        stack.awaitCase(
            "patient",
            c ->
                c.getStatus() != null
                    && c.getStatus().getMessage() != null
                    && c.getStatus().getMessage().contains("Waiting for ComputeTarget"));
    assertThat(waiting.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(waiting.getStatus().getExecutionArn()).isNull();
    assertThat(waiting.getStatus().getConditions())
        .anyMatch(c -> "TargetNotReady".equals(c.getReason()));

    ComputeTarget fixed = get("late");
    fixed.getSpec().getComputation().setKind("simulate");
    stack.client.resource(fixed).update();
    ComputeCase started = stack.awaitCase("patient", c -> c.getStatus().getStartTime() != null);
    assertThat(started.getStatus().getExecutionArn()).isNotNull();
  }

  @Test
  void aCaseNamingNoTargetIsRefused() {
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setGenerate(new Generate(1));
    spec.setTarget("nowhere");
    stack.create("lost", spec);
    ComputeCase refused = stack.awaitCase("lost", OperatorTestStack.phase("Failed"));
    assertThat(refused.getStatus().getMessage()).contains("ComputeTarget 'nowhere'");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "no-image, MissingImage, spec.image",
    "negative-concurrency, InvalidConcurrency, spec.concurrency",
    "unknown-computation, UnknownComputation, spec.computation.kind",
    "invalid-pattern, InvalidItemPattern, spec.itemPattern.size",
    "bad-receives, InvalidMaxReceiveCount, spec.maxReceiveCount"
  })
  void malformedTargetsGetAClearConditionAndNothingIsBuilt(
      String name, String reason, String mentioned) {
    create(
        name,
        spec -> {
          switch (name) {
            case "no-image" -> spec.setImage(null);
            case "negative-concurrency" -> spec.setConcurrency(-3);
            case "unknown-computation" -> {
              Computation computation = new Computation();
              computation.setKind("quantum");
              spec.setComputation(computation);
            }
            case "invalid-pattern" ->
                spec.setItemPattern(JSON.createObjectNode().put("size", "large"));
            default -> spec.setMaxReceiveCount(0);
          }
        });

    ComputeTarget refused = awaitTarget(name, "False");

    var ready = refused.getStatus().getConditions().get(0);
    assertThat(ready.getReason()).isEqualTo(reason);
    assertThat(ready.getMessage()).contains(mentioned);
    assertThat(stack.events.rules).doesNotContainKey("computecase-" + name);
    assertThat(
            stack
                .client
                .apps()
                .deployments()
                .inNamespace(OperatorTestStack.NAMESPACE)
                .withName("computecase-worker-" + name)
                .get())
        .isNull();
    try (SqsClient sqs = stack.sqs()) {
      Assertions.assertThatThrownBy(() -> sqs.getQueueUrl(r -> r.queueName("computecase-" + name)))
          .isInstanceOf(QueueDoesNotExistException.class);
    }
  }
}
