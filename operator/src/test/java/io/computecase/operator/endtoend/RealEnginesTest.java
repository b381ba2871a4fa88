package io.computecase.operator.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.Generate;
import io.computecase.local.events.LocalEventBridge;
import io.computecase.local.protocol.AwsJsonHttpClient;
import io.computecase.local.protocol.AwsJsonServer;
import io.computecase.local.sfn.LocalStepFunctions;
import io.computecase.operator.ComputeCaseOperator;
import io.computecase.operator.config.OperatorConfig;
import io.computecase.operator.testing.OperatorTestStack;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The operator against the project's real local Step Functions and EventBridge (and ElasticMQ): it
 * provisions them, and a case whose items a tiny in-test worker answers through task tokens ends
 * with the summary the engines report.
 */
class RealEnginesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private OperatorTestStack stack;
  private LocalEventBridge events;
  private LocalStepFunctions stepFunctions;
  private AwsJsonServer eventsServer;
  private AwsJsonServer sfnServer;
  private ComputeCaseOperator operator;
  private OperatorConfig config;
  private final AtomicBoolean working = new AtomicBoolean(true);
  private Thread worker;

  @BeforeEach
  void start() {
    stack = new OperatorTestStack();
    var sqsApi = new AwsJsonHttpClient(stack.sqsEndpoint.toString(), "AmazonSQS", "1.0");
    AtomicReference<LocalStepFunctions> engine = new AtomicReference<>();
    events =
        LocalEventBridge.builder()
            .service("sqs", sqsApi)
            .service(
                "states", (operation, request) -> engine.get().api().invoke(operation, request))
            .build();
    stepFunctions =
        LocalStepFunctions.builder()
            .integration("events", events.api())
            .integration("sqs", sqsApi)
            .build();
    engine.set(stepFunctions);
    eventsServer = events.serve(0);
    sfnServer = stepFunctions.serve(0);
    config =
        stack.config().toBuilder()
            .sfnEndpoint(URI.create(sfnServer.endpoint()))
            .eventsEndpoint(URI.create(eventsServer.endpoint()))
            .build();
    operator = ComputeCaseOperator.start(stack.client, config);
  }

  @AfterEach
  void stop() throws InterruptedException {
    working.set(false);
    if (worker != null) {
      worker.join(5000);
    }
    operator.stop();
    sfnServer.close();
    eventsServer.close();
    stepFunctions.close();
    events.close();
    stack.close();
  }

  /** Answers every item: success with its duration, except caseId "3", which fails. */
  private void startWorker() {
    startWorker("3");
  }

  private void startWorker(String failingCaseId) {
    worker =
        new Thread(
            () -> {
              try (SqsClient sqs = stack.sqs();
                  SfnClient sfn =
                      SfnClient.builder()
                          .endpointOverride(URI.create(sfnServer.endpoint()))
                          .region(Region.US_EAST_1)
                          .credentialsProvider(
                              StaticCredentialsProvider.create(
                                  AwsBasicCredentials.create("x", "x")))
                          .build()) {
                String url = sqs.getQueueUrl(r -> r.queueName("computecase-default")).queueUrl();
                while (working.get()) {
                  for (Message m :
                      sqs.receiveMessage(
                              r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                          .messages()) {
                    JsonNode detail = JSON.readTree(m.body()).path("detail");
                    String token = detail.path("taskToken").asText();
                    String caseId = detail.path("item").path("caseId").asText();
                    if (caseId.equals(failingCaseId)) {
                      sfn.sendTaskFailure(
                          r ->
                              r.taskToken(token)
                                  .error("ComputeError")
                                  .cause("case 3 cannot be computed"));
                    } else {
                      String output =
                          JSON.createObjectNode()
                              .put("index", detail.path("index").asInt())
                              .put("caseId", caseId)
                              .put("result", "ok")
                              .put("durationMs", 10 + caseId.length())
                              .put("worker", "in-test")
                              .toString();
                      sfn.sendTaskSuccess(r -> r.taskToken(token).output(output));
                    }
                    sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
                  }
                }
              } catch (Exception e) {
                if (working.get()) {
                  throw new IllegalStateException(e);
                }
              }
            },
            "in-test-worker");
    worker.start();
  }

  @Test
  void aCaseRunsThroughTheLocalEnginesAndReportsItsFailures() {
    startWorker();
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setGenerate(new Generate(12));
    spec.setToleratedFailurePercentage(50.0);
    spec.setParameters(JSON.createObjectNode().put("computeMs", 0));
    stack.create("through-engines", spec);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              ComputeCase cc = stack.get("through-engines");
              return cc.getStatus() != null && cc.getStatus().getCompletionTime() != null;
            });
    ComputeCase done = stack.get("through-engines");
    assertThat(done.getStatus().getPhase())
        .as(done.getStatus().getMessage())
        .isEqualTo("Succeeded");
    var summary = done.getStatus().getSummary();
    assertThat(summary.getTotal()).isEqualTo(12);
    assertThat(summary.getSucceeded()).isEqualTo(11);
    assertThat(summary.getFailed()).isEqualTo(1);
    assertThat(summary.getDurationMs().getMin()).isEqualTo(11.0);
    assertThat(summary.getDurationMs().getMax()).isEqualTo(12.0);
    assertThat(summary.getFailures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.getIndex()).isEqualTo(3);
              assertThat(f.getCaseId()).isEqualTo("3");
              assertThat(f.getError()).isEqualTo("ComputeError");
              assertThat(f.getCause()).isEqualTo("case 3 cannot be computed");
            });
    assertThat(done.getStatus().getProgress().getDone()).isEqualTo("12/12");
  }

  @Test
  void killingTheOperatorFiveTimesDuringACaseStartsOneExecutionAndLosesNothing() {
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setGenerate(new Generate(1000));
    stack.create("chaos", spec);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              ComputeCase cc = stack.get("chaos");
              return cc.getStatus() != null && cc.getStatus().getExecutionArn() != null;
            });
    startWorker("none");

    for (int restart = 0; restart < 5; restart++) {
      operator.stop();
      operator = ComputeCaseOperator.start(stack.client, config);
    }

    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () -> {
              ComputeCase cc = stack.get("chaos");
              return cc.getStatus() != null && cc.getStatus().getCompletionTime() != null;
            });
    ComputeCase done = stack.get("chaos");
    assertThat(done.getStatus().getPhase()).isEqualTo("Succeeded");
    assertThat(done.getStatus().getSummary().getSucceeded()).isEqualTo(1000);
    assertThat(done.getStatus().getProgress().getDone()).isEqualTo("1000/1000");
    var executions = stack.sfn.executions(); // the Testing fake is unused here: ask the engine
    assertThat(executions).isEmpty();
    SfnClient sfn =
        SfnClient.builder()
            .endpointOverride(URI.create(sfnServer.endpoint()))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
            .build();
    String stateMachineArn = operator.stateMachineArn();
    assertThat(sfn.listExecutions(r -> r.stateMachineArn(stateMachineArn)).executions()).hasSize(1);
    sfn.close();
  }
}
