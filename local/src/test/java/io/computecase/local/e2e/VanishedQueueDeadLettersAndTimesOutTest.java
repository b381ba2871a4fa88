package io.computecase.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.ComputeCaseStatus;
import io.computecase.api.v1alpha1.ComputeTarget;
import io.computecase.api.v1alpha1.ComputeTargetSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A target whose queue disappears: EventBridge sends its events to the dead-letter queue with the
 * reason, the items time out, and the case's status names them and why.
 */
class VanishedQueueDeadLettersAndTimesOutTest {
  private static StackFixture fixture;
  private static SqsClient sqs;

  @BeforeAll
  static void start() {
    fixture = new StackFixture(1, 5);
    sqs =
        SqsClient.builder()
            .endpointOverride(fixture.stack.aws().sqsEndpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build();
  }

  @AfterAll
  static void stop() {
    sqs.close();
    fixture.close();
  }

  @Test
  void itemsOfAVanishedQueueAreDeadLetteredAndTimeOut() {
    ComputeTargetSpec targetSpec = new ComputeTargetSpec();
    targetSpec.setImage("computecase-worker:embedded");
    ComputeTarget target = new ComputeTarget();
    target.setMetadata(
        new ObjectMetaBuilder().withName("fragile").withNamespace(StackFixture.NAMESPACE).build());
    target.setSpec(targetSpec);
    Resource<ComputeTarget> ct =
        fixture
            .stack
            .client()
            .resources(ComputeTarget.class)
            .inNamespace(StackFixture.NAMESPACE)
            .resource(target);
    ct.create();
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> ct.get().getStatus() != null && ct.get().getStatus().getQueueUrl() != null);
    String queueUrl = ct.get().getStatus().getQueueUrl();
    String deadLetterQueueUrl = ct.get().getStatus().getDeadLetterQueueUrl();

    sqs.deleteQueue(b -> b.queueUrl(queueUrl));
    ComputeCaseSpec spec = StackFixture.generated(3, StackFixture.parameters(10));
    spec.setTarget("fragile");
    spec.setItemTimeoutSeconds(3);
    // Tolerating every failure lets each item time out on its own, instead of the first timeout
    // failing the Map and aborting the others (States.Aborted), as AWS does at tolerance 0.
    spec.setToleratedFailurePercentage(100.0);
    Resource<ComputeCase> cc = fixture.apply("vanished", spec);

    await()
        .atMost(Duration.ofMinutes(2))
        .until(
            () ->
                StackFixture.status(cc).getSummary() != null
                    && StackFixture.status(cc).getCompletionTime() != null);
    ComputeCaseStatus status = StackFixture.status(cc);
    assertThat(status.getSummary().getFailed()).isEqualTo(3);
    assertThat(status.getSummary().getFailures())
        .hasSize(3)
        .allSatisfy(f -> assertThat(f.getError()).isEqualTo("States.Timeout"));
    assertThat(status.getMessage()).isNotBlank();

    List<Message> deadLettered =
        sqs.receiveMessage(
                b ->
                    b.queueUrl(deadLetterQueueUrl)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(5)
                        .messageAttributeNames("All"))
            .messages();
    assertThat(deadLettered).isNotEmpty();
    assertThat(deadLettered.get(0).messageAttributes())
        .containsKeys("RULE_ARN", "TARGET_ARN", "ERROR_CODE");
    assertThat(deadLettered.get(0).body()).contains("\"detail-type\":\"ComputeCaseItem\"");
  }
}
