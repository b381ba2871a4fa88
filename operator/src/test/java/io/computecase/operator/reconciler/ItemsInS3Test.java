package io.computecase.operator.reconciler;

import static io.computecase.operator.testing.OperatorTestStack.BUCKET;
import static io.computecase.operator.testing.OperatorTestStack.phase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.ConfigMapKeyRef;
import io.computecase.api.v1alpha1.Generate;
import io.computecase.api.v1alpha1.ItemsFrom;
import io.computecase.api.v1alpha1.S3ItemsObject;
import io.computecase.operator.testing.OperatorTestStack;
import io.computecase.testing.TestingStepFunctions;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A case's items go to S3 before its execution starts: the operator stages inline, generated and
 * ConfigMap items as JSON Lines under cases/, exactly once however often it restarts, and deletes
 * them with the case; a user's own S3 object is read where it is, never copied nor deleted, after a
 * preflight that counts its items and refuses a missing or malformed one before the start.
 */
class ItemsInS3Test {
  private static final ObjectMapper JSON = new ObjectMapper();
  private OperatorTestStack stack;

  @BeforeEach
  void start() {
    stack = new OperatorTestStack();
    stack.startOperator();
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  private ComputeCase started(String name, ComputeCaseSpec spec) {
    stack.create(name, spec);
    return stack.awaitCase(name, c -> c.getStatus().getStartTime() != null);
  }

  @Test
  void generatedInlineAndConfigMapItemsAreStagedAsJsonLinesExactly() {
    ComputeCaseSpec generated = new ComputeCaseSpec();
    generated.setGenerate(new Generate(2_500));
    ComputeCaseSpec inline = new ComputeCaseSpec();
    ObjectNode first = JSON.createObjectNode().put("caseId", "a").put("size", "large");
    first.putObject("nested").put("text", "ü \"quoted\"\nline");
    inline.setItems(List.of(first, JSON.createObjectNode().put("caseId", "b")));
    stack
        .client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("datasets")
                .withNamespace(OperatorTestStack.NAMESPACE)
                .endMetadata()
                .addToData("d.json", "{\"requests\": [{\"caseId\": \"x\"}, {\"caseId\": \"y\"}]}")
                .build())
        .create();
    ComputeCaseSpec fromConfigMap = new ComputeCaseSpec();
    fromConfigMap.setItemsFrom(new ItemsFrom(new ConfigMapKeyRef("datasets", "d.json")));

    String expectedGenerated =
        IntStream.range(0, 2_500)
            .mapToObj(i -> "{\"caseId\":\"" + i + "\"}\n")
            .collect(Collectors.joining());
    assertThat(stack.stagedItems(started("generated", generated))).isEqualTo(expectedGenerated);
    assertThat(stack.stagedItems(started("inline", inline)))
        .isEqualTo(
            "{\"caseId\":\"a\",\"size\":\"large\",\"nested\":{\"text\":\"ü \\\"quoted\\\"\\nline\"}}\n"
                + "{\"caseId\":\"b\"}\n");
    assertThat(stack.stagedItems(started("from-config-map", fromConfigMap)))
        .isEqualTo("{\"caseId\":\"x\"}\n{\"caseId\":\"y\"}\n");
  }

  @Test
  void aRestartBeforeTheStartStagesTheSameObjectAndStartsOneExecution() {
    stack.sfn.denyStartExecution = true;
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setGenerate(new Generate(1_000));
    stack.create("interrupted", spec);
    ComputeCase accepted =
        stack.awaitCase(
            "interrupted",
            c ->
                c.getStatus().getExecutionArn() != null
                    && c.getStatus().getConditions().stream()
                        .anyMatch(k -> "AwsPermissionDenied".equals(k.getReason())));
    assertThat(accepted.getStatus().getStartTime()).isNull();
    String key = "cases/cases/interrupted/" + accepted.getMetadata().getUid() + "/items.jsonl";
    String stagedBefore = stack.object(BUCKET, key).orElseThrow();

    stack.sfn.denyStartExecution = false;
    stack.restartOperator();

    ComputeCase running = stack.awaitCase("interrupted", c -> c.getStatus().getStartTime() != null);
    assertThat(stack.sfn.executions()).hasSize(1);
    assertThat(stack.stagedItems(running)).isEqualTo(stagedBefore).hasLineCount(1_000);
  }

  @Test
  void anS3ObjectIsReadWhereItIsByTheStateMachineOfItsFormat() throws Exception {
    stack.s3.createBucket(r -> r.bucket("user-data"));
    stack.putObject("user-data", "in/items.csv", "caseId,size\n0,small\n1,large\n");
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setItemsFrom(new ItemsFrom(new S3ItemsObject("user-data", "in/items.csv", null)));
    spec.setToleratedFailurePercentage(5.0);

    ComputeCase running = started("from-s3", spec);

    TestingStepFunctions.Execution execution = stack.executionOf(running).orElseThrow();
    assertThat(execution.stateMachineArn).endsWith(":stateMachine:computecase-csv");
    assertThat(running.getStatus().getExecutionArn())
        .isEqualTo(execution.arn)
        .contains(":execution:computecase-csv:");
    JsonNode input = JSON.readTree(execution.input);
    assertThat(input.get("items"))
        .isEqualTo(JSON.createObjectNode().put("bucket", "user-data").put("key", "in/items.csv"));
    assertThat(input.at("/results/prefix").asText())
        .isEqualTo("results/cases/from-s3/" + running.getMetadata().getUid());
    // counted by the preflight: a percentage alone comes with the number of items as its count
    assertThat(input.at("/request/itemCount").asLong()).isEqualTo(2);
    assertThat(input.at("/request/toleratedFailureCount").asLong()).isEqualTo(2);
    assertThat(
            stack.object(
                BUCKET, "cases/cases/from-s3/" + running.getMetadata().getUid() + "/items.jsonl"))
        .isEmpty();
    assertThat(running.getStatus().getProgress().getTotal()).isEqualTo(2);
    // nothing staged: the result part and manifest PUTs; the preflight's, the reader's and the
    // operator's two GETs
    assertThat(running.getStatus().getEstimate().getS3Requests()).isEqualTo(6);
    assertThat(running.getStatus().getEstimate().getStateTransitions()).isEqualTo(4 + 2 * 2);

    stack.client.resource(running).delete();
    await().atMost(Duration.ofSeconds(20)).until(() -> stack.get("from-s3") == null);
    assertThat(stack.object("user-data", "in/items.csv")).isPresent();
  }

  @Test
  void aToleranceCountsTheItemsOfTheObject() throws Exception {
    stack.s3.createBucket(r -> r.bucket("user-data"));
    StringBuilder rows = new StringBuilder("caseId,text\n");
    for (int i = 0; i < 1_000; i++) {
      rows.append(i).append(",\"a, \"\"quoted\"\"\nvalue\"\n");
    }
    stack.putObject("user-data", "many.csv", rows.toString());
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setItemsFrom(new ItemsFrom(new S3ItemsObject("user-data", "many.csv", null)));
    spec.setToleratedFailurePercentage(10.0);

    ComputeCase running = started("tolerant", spec);

    JsonNode request = JSON.readTree(stack.executionOf(running).orElseThrow().input).get("request");
    assertThat(request.get("itemCount").asLong()).isEqualTo(1_000);
    assertThat(request.get("toleratedFailurePercentage").asDouble()).isEqualTo(10.0);
    assertThat(request.get("toleratedFailureCount").asLong()).isEqualTo(1_000);
    assertThat(running.getStatus().getEstimate().getEvents()).isEqualTo(1_001);
  }

  @Test
  void aMissingOrMalformedObjectFailsTheCaseBeforeItStarts() {
    stack.s3.createBucket(r -> r.bucket("user-data"));
    stack.putObject("user-data", "rows.csv", "caseId,size\n0,10\n1\n");
    stack.putObject("user-data", "object.json", "{\"requests\": [{\"caseId\": \"1\"}]}");
    Map<String, S3ItemsObject> objects =
        Map.of(
            "fewer-fields", new S3ItemsObject("user-data", "rows.csv", null),
            "not-an-array", new S3ItemsObject("user-data", "object.json", null),
            "missing-key", new S3ItemsObject("user-data", "nothing.jsonl", null),
            "missing-bucket", new S3ItemsObject("no-such-bucket", "items.jsonl", null));
    objects.forEach(
        (name, object) -> {
          ComputeCaseSpec spec = new ComputeCaseSpec();
          spec.setItemsFrom(new ItemsFrom(object));
          stack.create(name, spec);
        });

    Map<String, String> messages = new HashMap<>();
    objects
        .keySet()
        .forEach(
            n -> messages.put(n, stack.awaitCase(n, phase("Failed")).getStatus().getMessage()));

    assertThat(messages.get("fewer-fields"))
        .contains("s3://user-data/rows.csv line 3 has 1 field where the header has 2");
    assertThat(messages.get("not-an-array"))
        .contains("s3://user-data/object.json line 1 begins a JSON object, not an array");
    assertThat(messages.get("missing-key"))
        .contains("s3://user-data/nothing.jsonl does not exist")
        .contains("spec.itemsFrom.s3.key");
    assertThat(messages.get("missing-bucket"))
        .contains("s3://no-such-bucket/items.jsonl")
        .contains("spec.itemsFrom.s3.bucket");
    ComputeCase refused = stack.get("missing-key");
    assertThat(CaseLifecycleTest.condition(refused, "Accepted").getReason())
        .isEqualTo("ItemsSourceNotFound");
    assertThat(refused.getStatus().getExecutionArn()).isNull();
    assertThat(stack.sfn.executions()).isEmpty();
  }

  @Test
  void unreadableItemsFailTheCaseWithTheCauseTheMapGives() {
    // the object passed the preflight but changed before the Map read it
    stack.s3.createBucket(r -> r.bucket("user-data"));
    stack.putObject("user-data", "broken.jsonl", "{\"caseId\":\"0\"}\n");
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setItemsFrom(
        new ItemsFrom(new S3ItemsObject("user-data", "broken.jsonl", S3ItemsObject.Format.JSONL)));
    ComputeCase running = started("broken", spec);
    TestingStepFunctions.Execution execution = stack.executionOf(running).orElseThrow();
    assertThat(execution.stateMachineArn).endsWith(":stateMachine:computecase");
    execution.error = "States.ItemReaderFailed";
    execution.cause = "s3://user-data/broken.jsonl line 3: Unexpected character ('}' (code 125))";
    stack.sfn.finish(execution, "FAILED", null);

    ComputeCase failed = stack.awaitCase("broken", phase("Failed"));

    assertThat(failed.getStatus().getMessage())
        .contains("States.ItemReaderFailed")
        .contains("s3://user-data/broken.jsonl line 3")
        .contains("fix or replace the object");
    assertThat(CaseLifecycleTest.condition(failed, "Failed").getMessage())
        .isEqualTo(failed.getStatus().getMessage());
  }

  @Test
  void deletingACaseDeletesItsStagedItemsAndKeepsItsResults() {
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setGenerate(new Generate(3));
    ComputeCase running = started("short-lived", spec);
    String itemsKey = running.getMetadata().getUid();
    String staged = "cases/cases/short-lived/" + itemsKey + "/items.jsonl";
    assertThat(stack.object(BUCKET, staged)).isPresent();
    String result = running.getStatus().getResults().getPrefix() + "/run/manifest.json";
    stack.putObject(BUCKET, result, "{}");

    stack.client.resource(running).delete();

    await().atMost(Duration.ofSeconds(20)).until(() -> stack.get("short-lived") == null);
    assertThat(stack.object(BUCKET, staged)).isEmpty();
    assertThat(stack.object(BUCKET, result)).isPresent();
  }
}
