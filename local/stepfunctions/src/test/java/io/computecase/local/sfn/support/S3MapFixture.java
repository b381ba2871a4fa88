package io.computecase.local.sfn.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsJsonServer;
import io.computecase.local.s3.EmbeddedS3;
import io.computecase.local.sfn.LocalStepFunctions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * A real S3 (the embedded S3Proxy, on a free port and a temporary directory) and the engine given
 * an S3Client for it, served on a free port with a real AWS SDK v2 SfnClient pointed at it; the
 * buckets {@code data} (items) and {@code results} exist. Close it after each test.
 */
public final class S3MapFixture implements AutoCloseable {
  public static final String DATA = "data";
  public static final String RESULTS = "results";

  private final Path directory;
  public final EmbeddedS3 s3Server;
  public final S3Client s3;
  public final LocalStepFunctions engine;
  public final AwsJsonServer server;
  public final SfnClient sfn;

  public S3MapFixture() {
    this(true);
  }

  /** With {@code giveEngineS3} false, the engine is built without an S3Client. */
  public S3MapFixture(boolean giveEngineS3) {
    try {
      directory = Files.createTempDirectory("sfn-s3");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    s3Server = EmbeddedS3.start(0, directory);
    s3 = s3Server.client();
    s3.createBucket(b -> b.bucket(DATA));
    s3.createBucket(b -> b.bucket(RESULTS));
    LocalStepFunctions.Builder builder = LocalStepFunctions.builder();
    if (giveEngineS3) {
      builder.s3(s3);
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

  /** Puts an object in the data bucket: a string as its text, any other JSON as JSON. */
  public void put(String key, JsonNode content) {
    put(DATA, key, content.isTextual() ? content.textValue() : content.toString());
  }

  public void put(String bucket, String key, String text) {
    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(text));
  }

  public String read(String bucket, String key) {
    return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asString(StandardCharsets.UTF_8);
  }

  public JsonNode readJson(String bucket, String key) {
    try {
      return AwsJson.MAPPER.readTree(read(bucket, key));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates a machine and runs it with the input; answers the ended execution. */
  public DescribeExecutionResponse run(String definition, String input) {
    String machine =
        sfn.createStateMachine(
                b ->
                    b.name("m" + System.nanoTime())
                        .definition(definition)
                        .roleArn(EngineFixture.ROLE))
            .stateMachineArn();
    String arn = sfn.startExecution(b -> b.stateMachineArn(machine).input(input)).executionArn();
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                sfn.describeExecution(b -> b.executionArn(arn)).status()
                    != ExecutionStatus.RUNNING);
    return sfn.describeExecution(b -> b.executionArn(arn));
  }

  /** The one Map Run the execution started. */
  public DescribeMapRunResponse mapRun(String executionArn) {
    String mapRunArn =
        sfn.listMapRuns(b -> b.executionArn(executionArn)).mapRuns().get(0).mapRunArn();
    return sfn.describeMapRun(b -> b.mapRunArn(mapRunArn));
  }

  @Override
  public void close() {
    sfn.close();
    engine.close();
    s3.close();
    s3Server.close();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is all this costs.
    }
  }
}
