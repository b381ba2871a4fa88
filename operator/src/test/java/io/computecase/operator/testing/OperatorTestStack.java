package io.computecase.operator.testing;

import static org.awaitility.Awaitility.await;

import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.operator.ComputeCaseOperator;
import io.computecase.operator.config.OperatorConfig;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.function.Predicate;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One operator on the fabric8 mock API server (CRUD mode), a Testing Step Functions and
 * EventBridge, and a real embedded ElasticMQ: what the operator tests run against.
 */
public final class OperatorTestStack implements AutoCloseable {
  public static final String NAMESPACE = "cases";

  public final KubernetesMockServer kubernetes;
  public final KubernetesClient client;
  public final TestingStepFunctions sfn = new TestingStepFunctions();
  public final TestingEventBridge events = new TestingEventBridge();
  private final SQSRestServer sqsServer;
  public final URI sqsEndpoint;
  private ComputeCaseOperator operator;

  public OperatorTestStack() {
    kubernetes =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new TestingKubernetesDispatcher(),
            false);
    try {
      kubernetes.init(InetAddress.getLoopbackAddress(), 0);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    client = kubernetes.createClient();
    sqsServer = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
    int port = sqsServer.waitUntilStarted().localAddress().getPort();
    sqsEndpoint = URI.create("http://127.0.0.1:" + port);
  }

  public OperatorConfig config() {
    return OperatorConfig.builder()
        .sfnEndpoint(sfn.endpoint())
        .eventsEndpoint(events.endpoint())
        .sqsEndpoint(sqsEndpoint)
        // the target TestingWorker serves, for cases of any namespace
        .targets(java.util.List.of("default"))
        .httpPort(0)
        .build();
  }

  public ComputeCaseOperator startOperator() {
    return startOperator(config());
  }

  public ComputeCaseOperator startOperator(OperatorConfig config) {
    operator = ComputeCaseOperator.start(client, config);
    return operator;
  }

  public ComputeCaseOperator startOperator(
      OperatorConfig config, io.opentelemetry.api.OpenTelemetry openTelemetry) {
    operator = ComputeCaseOperator.start(client, config, openTelemetry);
    return operator;
  }

  public void stopOperator() {
    if (operator != null) {
      operator.stop();
      operator = null;
    }
  }

  public ComputeCaseOperator operator() {
    return operator;
  }

  public SqsClient sqs() {
    return SqsClient.builder()
        .endpointOverride(sqsEndpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
        .build();
  }

  public ComputeCase create(String name, ComputeCaseSpec spec) {
    ComputeCase cc = new ComputeCase();
    cc.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
    cc.setSpec(spec);
    return client.resource(cc).create();
  }

  public ComputeCase get(String name) {
    return client.resources(ComputeCase.class).inNamespace(NAMESPACE).withName(name).get();
  }

  /** Waits until the case's status satisfies the condition, and returns the case. */
  public ComputeCase awaitCase(String name, Predicate<ComputeCase> condition) {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              ComputeCase cc = get(name);
              return cc != null && cc.getStatus() != null && condition.test(cc);
            });
    return get(name);
  }

  public static Predicate<ComputeCase> phase(String phase) {
    return cc -> phase.equals(cc.getStatus().getPhase());
  }

  @Override
  public void close() {
    stopOperator();
    client.close();
    kubernetes.destroy();
    sfn.close();
    events.close();
    sqsServer.stopAndWait();
  }
}
