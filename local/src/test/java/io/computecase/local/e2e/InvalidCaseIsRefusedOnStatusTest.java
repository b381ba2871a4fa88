package io.computecase.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.ComputeCaseStatus;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad specs get a clear error on their status, start nothing, and the operator serves the rest. */
class InvalidCaseIsRefusedOnStatusTest {
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
    Resource<ComputeCase> empty = fixture.apply("no-items", StackFixture.inline(null, StackFixture.parameters(1)));
    ComputeCaseSpec both = StackFixture.generated(3, StackFixture.parameters(1));
    both.setItems(List.of(StackFixture.JSON.createObjectNode().put("caseId", "x")));
    Resource<ComputeCase> twice = fixture.apply("both-sources", both);
    Resource<ComputeCase> valid = fixture.apply("valid-beside", StackFixture.generated(3, StackFixture.parameters(1)));

    await().atMost(Duration.ofMinutes(1)).until(() -> "Failed".equals(StackFixture.phase(empty)));
    await().atMost(Duration.ofMinutes(1)).until(() -> "Failed".equals(StackFixture.phase(twice)));
    await().atMost(Duration.ofMinutes(1)).until(() -> "Succeeded".equals(StackFixture.phase(valid)));

    for (Resource<ComputeCase> refused : List.of(empty, twice)) {
      ComputeCaseStatus status = StackFixture.status(refused);
      assertThat(status.getExecutionArn()).isNull();
      assertThat(status.getMessage()).contains("items").contains("generate");
      assertThat(status.getConditions()).anySatisfy(c -> assertThat(c.getStatus()).isNotBlank());
    }
    String stateMachineArn =
        fixture.sfn.describeExecution(b -> b.executionArn(StackFixture.status(valid).getExecutionArn())).stateMachineArn();
    assertThat(fixture.sfn.listExecutions(b -> b.stateMachineArn(stateMachineArn)).executions()).hasSize(1);
  }
}
