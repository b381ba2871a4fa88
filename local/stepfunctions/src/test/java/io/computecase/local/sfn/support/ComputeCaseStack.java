package io.computecase.local.sfn.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsJsonServer;
import io.computecase.local.s3.EmbeddedS3;
import io.computecase.local.sfn.LocalStepFunctions;
import io.computecase.testing.TestingClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The project's state machine (asl/computecase.asl.json) as the operator runs it: the engine with a
 * testing clock, a testing event bus and a real S3 (the embedded S3Proxy, buckets {@code cases} and
 * {@code results}), served on a free port with a real SfnClient. A case's items are staged as JSON
 * Lines in S3 and the input is the operator's {request, items: {bucket, key}, results: {bucket,
 * prefix}}. With a data directory the engine can be restarted; the clock, the bus and S3 outlive
 * it, as they would outlive a restart of Step Functions. Close it after each test.
 */
public final class ComputeCaseStack implements AutoCloseable {
  public static final String ITEMS_BUCKET = "cases";
  public static final String RESULTS_BUCKET = "results";
  public static final String DEFINITION = "../../asl/computecase.asl.json";

  public final TestingClock clock = new TestingClock();
  public final TestingEventBus bus = new TestingEventBus();
  public final S3Client s3;
  private final Path s3Directory;
  private final EmbeddedS3 s3Server;
  private final Path dataDirectory;
  private LocalStepFunctions engine;
  private AwsJsonServer server;
  public SfnClient sfn;

  /** An engine that keeps everything in memory. */
  public ComputeCaseStack() {
    this(null);
  }

  /** An engine that keeps its state in {@code dataDirectory} (null: in memory). */
  public ComputeCaseStack(Path dataDirectory) {
    this.dataDirectory = dataDirectory;
    try {
      s3Directory = Files.createTempDirectory("computecase-s3");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    s3Server = EmbeddedS3.start(0, s3Directory);
    s3 = s3Server.client();
    s3.createBucket(b -> b.bucket(ITEMS_BUCKET));
    s3.createBucket(b -> b.bucket(RESULTS_BUCKET));
    start();
  }

  private void start() {
    LocalStepFunctions.Builder builder =
        LocalStepFunctions.builder()
            .clock(clock)
            .onClockAdvance(clock::onAdvance)
            .integration("events", bus)
            .s3(s3);
    if (dataDirectory != null) {
      builder.dataDirectory(dataDirectory);
    }
    engine = builder.build();
    server = engine.serve(0);
    sfn =
        SfnClient.builder()
            .endpointOverride(URI.create(server.endpoint()))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build();
  }

  /** Stops the engine (it writes its last snapshot) and starts a new one on the same directory. */
  public void restart() {
    sfn.close();
    engine.close();
    start();
  }

  /** Creates the state machine {@code computecase} from asl/; answers its ARN. */
  public String createMachine() {
    return sfn.createStateMachine(
            b ->
                b.name("computecase")
                    .definition(EngineFixture.resource(DEFINITION))
                    .roleArn(EngineFixture.ROLE))
        .stateMachineArn();
  }

  /**
   * A request as the operator's ExecutionInput builds it for case {@code case-1} of {@code items}
   * items with no failure tolerated: the test changes what it is about. Whole numbers are written
   * as integers, as the engine's JSONata gives them back.
   */
  public static ObjectNode request(int items) {
    ObjectNode request = AwsJson.MAPPER.createObjectNode();
    request.put("requestId", "case-1");
    request.put("target", "default");
    request.put("route", "default");
    request.putObject("parameters");
    request.put("busName", "computecase");
    request.put("maxConcurrency", 0);
    request.put("itemCount", items);
    request.put("toleratedFailurePercentage", 0);
    request.put("toleratedFailureCount", items);
    request.put("itemTimeoutSeconds", 300);
    request.put("heartbeatSeconds", 0);
    ObjectNode retry = request.putObject("retry");
    retry.put("maxAttempts", 1);
    retry.put("intervalSeconds", 1);
    retry.put("backoffRate", 2);
    request.put("traceparent", "");
    return request;
  }

  /** Items {@code {"caseId": "0"}} … {@code {"caseId": "<count - 1>"}}. */
  public static List<JsonNode> items(int count) {
    List<JsonNode> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      items.add(AwsJson.MAPPER.createObjectNode().put("caseId", String.valueOf(i)));
    }
    return items;
  }

  /**
   * Stages the items as JSON Lines at {@code cases/<name>/items.jsonl} and starts execution {@code
   * name} reading them, its results under {@code results/<name>}; answers the execution ARN.
   */
  public String start(String machineArn, String name, JsonNode request, List<JsonNode> items) {
    String key = name + "/items.jsonl";
    StringBuilder lines = new StringBuilder();
    items.forEach(item -> lines.append(item).append('\n'));
    s3.putObject(b -> b.bucket(ITEMS_BUCKET).key(key), RequestBody.fromString(lines.toString()));
    ObjectNode input = AwsJson.MAPPER.createObjectNode();
    input.set("request", request);
    input.putObject("items").put("bucket", ITEMS_BUCKET).put("key", key);
    input.putObject("results").put("bucket", RESULTS_BUCKET).put("prefix", resultsPrefix(name));
    return sfn.startExecution(b -> b.stateMachineArn(machineArn).name(name).input(input.toString()))
        .executionArn();
  }

  /** Where execution {@code name}'s Map Run writes its results. */
  public static String resultsPrefix(String name) {
    return "results/" + name;
  }

  /** Waits until the execution has ended and returns its description. */
  public DescribeExecutionResponse awaitEnd(String executionArn) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                sfn.describeExecution(b -> b.executionArn(executionArn)).status()
                    != ExecutionStatus.RUNNING);
    return sfn.describeExecution(b -> b.executionArn(executionArn));
  }

  /** The one Map Run the execution started. */
  public String mapRunArn(String executionArn) {
    return sfn.listMapRuns(b -> b.executionArn(executionArn)).mapRuns().get(0).mapRunArn();
  }

  /** The manifest the ResultWriter wrote for execution {@code name}'s Map Run. */
  public JsonNode manifest(String name, String mapRunArn) {
    String id = mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1);
    return readJson(RESULTS_BUCKET, resultsPrefix(name) + "/" + id + "/manifest.json");
  }

  /** Every entry of the manifest's files of one kind (SUCCEEDED, FAILED or PENDING). */
  public List<JsonNode> results(JsonNode manifest, String kind) {
    List<JsonNode> entries = new ArrayList<>();
    for (JsonNode file : manifest.path("ResultFiles").path(kind)) {
      readJson(manifest.path("DestinationBucket").asText(), file.path("Key").asText())
          .forEach(entries::add);
    }
    return entries;
  }

  public JsonNode readJson(String bucket, String key) {
    try {
      return AwsJson.MAPPER.readTree(
          s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses JSON text, as the ResultWriter's Input and Output members hold it. */
  public static JsonNode json(String text) {
    try {
      return AwsJson.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    sfn.close();
    engine.close();
    s3.close();
    s3Server.close();
    try (Stream<Path> files = Files.walk(s3Directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is all this costs.
    }
  }
}
