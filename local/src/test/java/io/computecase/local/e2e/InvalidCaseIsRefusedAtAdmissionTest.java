package io.computecase.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Specs that break the CRD's CEL rules are refused by the embedded API server when applied, as a
 * real one refuses them, naming the rule's message; nothing starts, and a valid case beside them
 * runs.
 */
class InvalidCaseIsRefusedAtAdmissionTest {
  private static StackFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new StackFixture(1, 10);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void neitherItemsNorGenerateIsRefusedAndAValidCaseBesideItSucceeds() {
    ComputeCaseSpec both = StackFixture.generated(3, StackFixture.parameters(1));
    both.setItems(List.of(StackFixture.JSON.createObjectNode().put("caseId", "x")));
    for (ComputeCaseSpec refused :
        List.of(StackFixture.inline(null, StackFixture.parameters(1)), both)) {
      KubernetesClientException e =
          catchThrowableOfType(
              () -> fixture.apply("refused", refused), KubernetesClientException.class);
      assertThat(e.getCode()).isEqualTo(422);
      assertThat(e.getStatus().getDetails().getCauses())
          .anySatisfy(
              cause -> {
                assertThat(cause.getField()).isEqualTo("spec");
                assertThat(cause.getMessage())
                    .contains("give exactly one of spec.items, spec.generate or spec.itemsFrom");
              });
    }
    Resource<ComputeCase> valid =
        fixture.apply("valid-beside", StackFixture.generated(3, StackFixture.parameters(1)));
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> "Succeeded".equals(StackFixture.phase(valid)));
    assertThat(
            fixture
                .stack
                .client()
                .resources(ComputeCase.class)
                .inNamespace(StackFixture.NAMESPACE)
                .list()
                .getItems())
        .extracting(c -> c.getMetadata().getName())
        .containsExactly("valid-beside");
  }
}
