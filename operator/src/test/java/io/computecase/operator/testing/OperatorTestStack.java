package io.computecase.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.computecase.api.v1alpha1.ComputeCase;
import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.local.s3.EmbeddedS3;
import io.computecase.operator.ComputeCaseOperator;
import io.computecase.operator.config.OperatorConfig;
import io.computecase.testing.TestingStepFunctions;
import io.computecase.testing.TestingStepFunctions.Execution;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What every operator test runs against: the fabric8 mock API server (CRUD mode), the shared
 * TestingStepFunctions and a TestingEventBridge, or the project's real local engines in their place
 * ({@link #useLocalEngines}), a real embedded ElasticMQ, an embedded S3 holding the bucket {@link
 * #BUCKET}, and the operators and testing workers the test starts. Closing it stops them all.
 */
public final class OperatorTestStack implements AutoCloseable {
  public static final String NAMESPACE = "cases";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The operator's staging and results bucket. */
  public static final String BUCKET = "computecase-test";

  public final KubernetesMockServer kubernetes;
  public final KubernetesClient client;
  public final TestingStepFunctions sfn = new TestingStepFunctions();
  public final TestingEventBridge events = new TestingEventBridge();
  private final SQSRestServer sqsServer;
  public final URI sqsEndpoint;
  private final Path s3Directory;
  private final EmbeddedS3 s3Server;

  /** A client of the embedded S3, closed with the stack. */
  public final S3Client s3;

  private final List<ComputeCaseOperator> operators = new CopyOnWriteArrayList<>();
  private final List<TestingWorker> workers = new CopyOnWriteArrayList<>();
  private LocalEngines engines;
  private OperatorConfig lastConfig;

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
    try {
      s3Directory = Files.createTempDirectory("computecase-s3");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    s3Server = EmbeddedS3.start(0, s3Directory);
    s3 = s3Server.client();
    s3.createBucket(r -> r.bucket(BUCKET));
  }

  /** The embedded S3's endpoint. */
  public URI s3Endpoint() {
    return s3Server.endpoint();
  }

  /** The object's content, or empty when there is none. */
  public Optional<String> object(String bucket, String key) {
    try {
      return Optional.of(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    }
  }

  /** The items the operator staged for this case, as JSON Lines; fails when there are none. */
  public String stagedItems(ComputeCase cc) {
    JsonNode items = input(cc).path("items");
    assertThat(items.path("bucket").asText()).isEqualTo(BUCKET);
    assertThat(items.path("key").asText())
        .isEqualTo(
            "cases/"
                + cc.getMetadata().getNamespace()
                + "/"
                + cc.getMetadata().getName()
                + "/"
                + cc.getMetadata().getUid()
                + "/items.jsonl");
    return object(BUCKET, items.path("key").asText())
        .orElseThrow(() -> new AssertionError("nothing staged at " + items));
  }

  /** The input of the case's execution on the TestingStepFunctions. */
  public JsonNode input(ComputeCase cc) {
    Execution execution =
        executionOf(cc).orElseThrow(() -> new AssertionError("no execution for " + cc));
    try {
      return JSON.readTree(execution.input);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Puts an object into the embedded S3. */
  public void putObject(String bucket, String key, String content) {
    s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(content));
  }

  /**
   * Runs the project's local Step Functions and EventBridge in place of the fakes: operators
   * started from now on provision and run cases on them, and {@link #startWorker} answers their
   * tokens.
   */
  public void useLocalEngines() {
    if (engines == null) {
      engines = new LocalEngines(sqsEndpoint, s3Server.endpoint());
    }
  }

  private URI sfnEndpoint() {
    return engines == null ? sfn.endpoint() : engines.sfnEndpoint();
  }

  /** A configuration on this stack's Step Functions, EventBridge and ElasticMQ. */
  public OperatorConfig config() {
    return OperatorConfig.builder()
        .sfnEndpoint(sfnEndpoint())
        .eventsEndpoint(engines == null ? events.endpoint() : engines.eventsEndpoint())
        .sqsEndpoint(sqsEndpoint)
        .s3Endpoint(s3Server.endpoint())
        .s3Bucket(BUCKET)
        // the target TestingWorker serves, for cases of any namespace
        .targets(List.of("default"))
        .httpPort(0)
        .build();
  }

  public ComputeCaseOperator startOperator() {
    return startOperator(config());
  }

  /** Starts one more operator (a replica, when leader election is on). */
  public ComputeCaseOperator startOperator(OperatorConfig config) {
    return started(config, ComputeCaseOperator.start(client, config));
  }

  public ComputeCaseOperator startOperator(OperatorConfig config, OpenTelemetry openTelemetry) {
    return started(config, ComputeCaseOperator.start(client, config, openTelemetry));
  }

  private ComputeCaseOperator started(OperatorConfig config, ComputeCaseOperator operator) {
    operators.add(operator);
    lastConfig = config;
    return operator;
  }

  /** Stops every operator started. */
  public void stopOperator() {
    operators.forEach(ComputeCaseOperator::stop);
    operators.clear();
  }

  /** Stops every operator and starts one again as the last one was configured: a restart. */
  public ComputeCaseOperator restartOperator() {
    stopOperator();
    return startOperator(lastConfig);
  }

  /** The operator started last. */
  public ComputeCaseOperator operator() {
    return operators.isEmpty() ? null : operators.get(operators.size() - 1);
  }

  /**
   * A worker on the default target's queue, answering as the script says; closed with the stack.
   */
  public TestingWorker startWorker(TestingWorker.Script script) {
    TestingWorker worker = new TestingWorker(this, script);
    workers.add(worker);
    return worker;
  }

  /** A Step Functions client on this stack's Step Functions: the fake, or the local engine. */
  public SfnClient sfnClient() {
    return SfnClient.builder()
        .endpointOverride(sfnEndpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
        .build();
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

  /**
   * The execution the operator started for this case, found by the name it derives from the uid.
   */
  public Optional<Execution> executionOf(ComputeCase cc) {
    return sfn.executionNamed("cc-" + cc.getMetadata().getUid());
  }

  @Override
  public void close() {
    workers.forEach(TestingWorker::close);
    stopOperator();
    if (engines != null) {
      engines.close();
    }
    client.close();
    kubernetes.destroy();
    sfn.close();
    events.close();
    sqsServer.stopAndWait();
    s3.close();
    s3Server.close();
    deleteRecursively(s3Directory);
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is no test failure
    }
  }
}
