package io.computecase.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.ConfigMapKeyRef;
import io.computecase.api.v1alpha1.Generate;
import io.computecase.api.v1alpha1.ItemRetry;
import io.computecase.api.v1alpha1.ItemsFrom;
import io.computecase.api.v1alpha1.S3ItemsObject;
import io.computecase.operator.testing.OperatorTestStack;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed ComputeCases get phase Failed, condition Accepted=False with a reason, and a message
 * naming the field and the fix; nothing starts, and the operator keeps serving valid cases.
 */
class SpecValidationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static OperatorTestStack stack;

  @BeforeAll
  static void start() {
    stack = new OperatorTestStack();
    stack
        .client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("datasets")
                .withNamespace(OperatorTestStack.NAMESPACE)
                .endMetadata()
                .addToData("not-json", "{requests: [")
                .addToData("empty", "{\"requests\": []}")
                .addToData("scalars", "[1, 2]")
                .build())
        .create();
    stack.startOperator();
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        bad("no-items", "NoItems", "spec.items", s -> {}),
        bad(
            "items-and-generate",
            "ConflictingItemSources",
            "spec.generate",
            s -> {
              s.setItems(items("{\"caseId\":\"0\"}"));
              s.setGenerate(new Generate(3));
            }),
        bad(
            "generate-and-items-from",
            "ConflictingItemSources",
            "spec.itemsFrom",
            s -> {
              s.setGenerate(new Generate(3));
              s.setItemsFrom(from("datasets", "empty"));
            }),
        bad("empty-items", "NoItems", "spec.items is empty", s -> s.setItems(new ArrayList<>())),
        bad(
            "null-item",
            "InvalidItem",
            "spec.items[1]",
            s -> s.setItems(items("{\"caseId\":\"0\"}", "null"))),
        bad(
            "two-billion-generated",
            "TooManyItems",
            "spec.generate.count is 2000000000, over the 1000000 items",
            s -> s.setGenerate(new Generate(2_000_000_000))),
        bad(
            "items-from-config-map-and-s3",
            "InvalidItemsFrom",
            "exactly one of spec.itemsFrom.configMapKeyRef or spec.itemsFrom.s3",
            s -> {
              s.setItemsFrom(from("datasets", "items"));
              s.getItemsFrom().setS3(new S3ItemsObject("datasets", "items.jsonl", null));
            }),
        bad(
            "items-from-s3-bad-bucket",
            "InvalidItemsFrom",
            "spec.itemsFrom.s3.bucket 'Not_A_Bucket'",
            s -> s.setItemsFrom(new ItemsFrom(new S3ItemsObject("Not_A_Bucket", "i.jsonl", null)))),
        bad(
            "items-from-s3-without-key",
            "InvalidItemsFrom",
            "spec.itemsFrom.s3.key",
            s -> s.setItemsFrom(new ItemsFrom(new S3ItemsObject("datasets", "", null)))),
        bad(
            "zero-count",
            "InvalidGenerateCount",
            "spec.generate.count",
            s -> s.setGenerate(new Generate(0))),
        bad(
            "no-count",
            "InvalidGenerateCount",
            "spec.generate.count",
            s -> s.setGenerate(new Generate(null))),
        bad(
            "negative-concurrency",
            "InvalidMaxConcurrency",
            "spec.maxConcurrency",
            s -> {
              s.setGenerate(new Generate(2));
              s.setMaxConcurrency(-1);
            }),
        bad(
            "huge-concurrency",
            "InvalidMaxConcurrency",
            "10000",
            s -> {
              s.setGenerate(new Generate(2));
              s.setMaxConcurrency(10_001);
            }),
        bad(
            "tolerance-over-100",
            "InvalidToleratedFailurePercentage",
            "spec.toleratedFailurePercentage",
            s -> {
              s.setGenerate(new Generate(2));
              s.setToleratedFailurePercentage(150.0);
            }),
        bad(
            "zero-timeout",
            "InvalidItemTimeout",
            "spec.itemTimeoutSeconds",
            s -> {
              s.setGenerate(new Generate(2));
              s.setItemTimeoutSeconds(0);
            }),
        bad(
            "array-parameters",
            "InvalidParameters",
            "spec.parameters",
            s -> {
              s.setGenerate(new Generate(2));
              s.setParameters(JSON.createArrayNode().add(1));
            }),
        bad(
            "bad-target-name",
            "InvalidTarget",
            "spec.target",
            s -> {
              s.setGenerate(new Generate(2));
              s.setTarget("no spaces/allowed");
            }),
        bad(
            "unknown-target",
            "UnknownTarget",
            "ComputeTarget 'gpu'",
            s -> {
              s.setGenerate(new Generate(2));
              s.setTarget("gpu");
            }),
        bad(
            "blank-request-id",
            "InvalidRequestId",
            "spec.requestId",
            s -> {
              s.setGenerate(new Generate(2));
              s.setRequestId(" ");
            }),
        bad(
            "negative-ttl",
            "InvalidTtl",
            "spec.ttlSecondsAfterFinished",
            s -> {
              s.setGenerate(new Generate(2));
              s.setTtlSecondsAfterFinished(-5);
            }),
        bad(
            "heartbeat-not-below-timeout",
            "InvalidHeartbeat",
            "spec.heartbeatSeconds",
            s -> {
              s.setGenerate(new Generate(2));
              s.setItemTimeoutSeconds(30);
              s.setHeartbeatSeconds(30);
            }),
        bad(
            "negative-tolerated-count",
            "InvalidToleratedFailureCount",
            "spec.toleratedFailureCount",
            s -> {
              s.setGenerate(new Generate(2));
              s.setToleratedFailureCount(-1);
            }),
        bad(
            "zero-attempts",
            "InvalidRetry",
            "spec.retry.maxAttempts",
            s -> {
              s.setGenerate(new Generate(2));
              s.setRetry(new ItemRetry(0, 1, 2.0));
            }),
        bad(
            "shrinking-backoff",
            "InvalidRetry",
            "spec.retry.backoffRate",
            s -> {
              s.setGenerate(new Generate(2));
              s.setRetry(new ItemRetry(3, 1, 0.5));
            }),
        bad(
            "hour-long-interval",
            "InvalidRetry",
            "spec.retry.intervalSeconds",
            s -> {
              s.setGenerate(new Generate(2));
              s.setRetry(new ItemRetry(3, 7200, 2.0));
            }),
        bad(
            "items-from-without-key",
            "InvalidItemsFrom",
            "spec.itemsFrom.configMapKeyRef",
            s -> s.setItemsFrom(from("datasets", null))),
        bad(
            "missing-config-map",
            "ItemsSourceNotFound",
            "ConfigMap cases/nowhere",
            s -> s.setItemsFrom(from("nowhere", "items"))),
        bad(
            "missing-key",
            "ItemsSourceNotFound",
            "has no key 'items'",
            s -> s.setItemsFrom(from("datasets", "items"))),
        bad(
            "config-map-not-json",
            "InvalidItemsSource",
            "is not JSON",
            s -> s.setItemsFrom(from("datasets", "not-json"))),
        bad(
            "config-map-no-items",
            "InvalidItemsSource",
            "holds no items",
            s -> s.setItemsFrom(from("datasets", "empty"))),
        bad(
            "config-map-scalars",
            "InvalidItemsSource",
            "item 0 is not a JSON object",
            s -> s.setItemsFrom(from("datasets", "scalars"))),
        bad(
            "input-too-large",
            "InputTooLarge",
            "make spec.parameters smaller",
            s -> {
              // the items go to S3 whatever their size; the parameters travel in the input
              s.setGenerate(new Generate(2));
              s.setParameters(JSON.createObjectNode().put("pad", "x".repeat(300_000)));
            }));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("malformed")
  void refusesWithAConditionNamingTheFieldAndStartsNothing(
      String name, String reason, String mentioned, ComputeCaseSpec spec) {
    stack.create(name, spec);

    ComputeCase refused = stack.awaitCase(name, OperatorTestStack.phase("Failed"));

    Condition accepted =
        refused.getStatus().getConditions().stream()
            .filter(c -> c.getType().equals("Accepted"))
            .findFirst()
            .orElseThrow();
    assertThat(accepted.getStatus()).isEqualTo("False");
    assertThat(accepted.getReason()).isEqualTo(reason);
    assertThat(accepted.getMessage()).contains(mentioned);
    assertThat(refused.getStatus().getMessage()).isEqualTo(accepted.getMessage());
    assertThat(refused.getStatus().getExecutionArn()).isNull();
    assertThat(refused.getStatus().getObservedGeneration())
        .isEqualTo(refused.getMetadata().getGeneration());
    assertThat(stack.executionOf(refused)).isEmpty();
  }

  @Test
  void keepsServingAValidCaseBesideTheMalformedOnes() {
    ComputeCaseSpec broken = new ComputeCaseSpec();
    broken.setItems(items("{\"caseId\":\"0\"}"));
    broken.setGenerate(new Generate(1));
    stack.create("broken-neighbour", broken);
    ComputeCaseSpec valid = new ComputeCaseSpec();
    valid.setItemsFrom(from("datasets-valid", "dataset.json"));
    stack
        .client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("datasets-valid")
                .withNamespace(OperatorTestStack.NAMESPACE)
                .endMetadata()
                .addToData(
                    "dataset.json",
                    "{\"requestId\":\"123456\",\"requests\":[{\"caseId\":\"0\"},{\"caseId\":\"1\"}],"
                        + "\"length\":\"2\"}")
                .build())
        .create();
    stack.create("valid-neighbour", valid);

    ComputeCase running =
        stack.awaitCase("valid-neighbour", c -> c.getStatus().getStartTime() != null);

    assertThat(running.getStatus().getPhase()).isEqualTo("Running");
    assertThat(stack.executionOf(running)).isPresent();
    assertThat(stack.stagedItems(running)).isEqualTo("{\"caseId\":\"0\"}\n{\"caseId\":\"1\"}\n");
    assertThat(
            stack
                .awaitCase("broken-neighbour", OperatorTestStack.phase("Failed"))
                .getStatus()
                .getExecutionArn())
        .isNull();
  }

  private static Arguments bad(
      String name, String reason, String mentioned, Consumer<ComputeCaseSpec> shape) {
    ComputeCaseSpec spec = new ComputeCaseSpec();
    shape.accept(spec);
    return Arguments.of(name, reason, mentioned, spec);
  }

  /** Items from JSON objects; "null" stands for a missing item (the schema refuses other kinds). */
  private static List<ObjectNode> items(String... json) {
    List<ObjectNode> items = new ArrayList<>();
    for (String j : json) {
      try {
        items.add(j.equals("null") ? null : (ObjectNode) JSON.readTree(j));
      } catch (Exception e) {
        throw new IllegalArgumentException(e);
      }
    }
    return items;
  }

  private static ItemsFrom from(String name, String key) {
    ItemsFrom from = new ItemsFrom();
    from.setConfigMapKeyRef(new ConfigMapKeyRef(name, key));
    return from;
  }
}
