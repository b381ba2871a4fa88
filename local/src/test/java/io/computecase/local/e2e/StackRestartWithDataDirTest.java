package io.computecase.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseStatus;
import io.computecase.local.stack.EmbeddedStack;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The whole stack stopped in the middle of a 500-item case and started again on the same data
 * directory: the same execution finishes the case, and every item is counted once even though items
 * in flight at the stop may be computed again.
 */
class StackRestartWithDataDirTest {
  @TempDir Path dataDir;
  private EmbeddedStack stack;

  @AfterEach
  void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  private EmbeddedStack start() {
    return EmbeddedStack.builder().workers(2).workerConcurrency(10).dataDir(dataDir).start();
  }

  private Resource<ComputeCase> computeCase() {
    return stack
        .client()
        .resources(ComputeCase.class)
        .inNamespace(StackFixture.NAMESPACE)
        .withName("restarted");
  }

  @Test
  void aCaseStoppedInTheMiddleFinishesAfterTheRestartWithEveryItemCountedOnce() {
    stack = start();
    URI sfnEndpoint = stack.aws().stepFunctionsEndpoint();
    URI sqsEndpoint = stack.aws().sqsEndpoint();
    ComputeCase resource = new ComputeCase();
    resource.setMetadata(
        new ObjectMetaBuilder()
            .withName("restarted")
            .withNamespace(StackFixture.NAMESPACE)
            .build());
    resource.setSpec(StackFixture.generated(500, StackFixture.parameters(200)));
    stack
        .client()
        .resources(ComputeCase.class)
        .inNamespace(StackFixture.NAMESPACE)
        .resource(resource)
        .create();
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> "Running".equals(StackFixture.phase(computeCase())));
    String executionArn = StackFixture.status(computeCase()).getExecutionArn();
    // 20 items at a time of 200 ms each: about 100 a second, so 100 done is well before the end.
    await().atMost(Duration.ofMinutes(1)).until(() -> succeeded() >= 100);

    stack.close();
    stack = null;
    stack = start();

    assertThat(stack.aws().stepFunctionsEndpoint()).isEqualTo(sfnEndpoint);
    assertThat(stack.aws().sqsEndpoint()).isEqualTo(sqsEndpoint);
    try (SfnClient sfn = sfnClient(sfnEndpoint)) {
      // Stopped in the middle: hundreds of 200 ms items remain, so the case is still running.
      assertThat(sfn.describeExecution(b -> b.executionArn(executionArn)).status())
          .isEqualTo(ExecutionStatus.RUNNING);
      String stateMachineArn =
          sfn.describeExecution(b -> b.executionArn(executionArn)).stateMachineArn();
      await()
          .atMost(Duration.ofMinutes(3))
          .until(() -> "Succeeded".equals(StackFixture.phase(computeCase())));
      ComputeCaseStatus status = StackFixture.status(computeCase());
      assertThat(status.getExecutionArn()).isEqualTo(executionArn);
      assertThat(status.getProgress().getDone()).isEqualTo("500/500");
      assertThat(status.getSummary().getSucceeded()).isEqualTo(500);
      assertThat(status.getSummary().getFailed()).isZero();
      assertThat(sfn.describeExecution(b -> b.executionArn(executionArn)).status())
          .isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(sfn.listExecutions(b -> b.stateMachineArn(stateMachineArn)).executions())
          .hasSize(1);
      String mapRunArn =
          sfn.listMapRuns(b -> b.executionArn(executionArn)).mapRuns().get(0).mapRunArn();
      DescribeMapRunResponse mapRun = sfn.describeMapRun(b -> b.mapRunArn(mapRunArn));
      assertThat(mapRun.itemCounts().succeeded()).isEqualTo(500);
      assertThat(mapRun.itemCounts().total()).isEqualTo(500);
      assertThat(mapRun.itemCounts().failed()).isZero();
    }
  }

  private long succeeded() {
    ComputeCaseStatus status = StackFixture.status(computeCase());
    return status.getProgress() == null ? 0 : status.getProgress().getSucceeded();
  }

  private static SfnClient sfnClient(URI endpoint) {
    return SfnClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(EmbeddedStack.REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .build();
  }
}
