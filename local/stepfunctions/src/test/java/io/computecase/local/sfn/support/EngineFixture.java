package io.computecase.local.sfn.support;

import io.computecase.local.protocol.AwsJsonServer;
import io.computecase.local.sfn.LocalStepFunctions;
import io.computecase.testing.TestingClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineRequest;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The engine served on a free port with a testing clock and a testing event bus, and a real AWS SDK
 * v2 SfnClient pointed at it. Close it after each test.
 */
public final class EngineFixture implements AutoCloseable {
  public static final String ROLE = "arn:aws:iam::000000000000:role/computecase";

  public final TestingClock clock = new TestingClock();
  public final TestingEventBus bus = new TestingEventBus();
  public final TestingQueue queue = new TestingQueue();
  public final LocalStepFunctions engine;
  public final AwsJsonServer server;
  public final SfnClient sfn;

  public EngineFixture() {
    this(false);
  }

  /** With {@code realClock}, waits and timeouts run on the system clock. */
  public EngineFixture(boolean realClock) {
    LocalStepFunctions.Builder builder =
        LocalStepFunctions.builder().integration("events", bus).integration("sqs", queue);
    if (!realClock) {
      builder.clock(clock).onClockAdvance(clock::onAdvance);
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

  /** Creates a state machine from a definition file under src/test/resources (or any path). */
  public String createMachine(String name, String definitionResource) {
    return sfn.createStateMachine(
            CreateStateMachineRequest.builder()
                .name(name)
                .definition(resource(definitionResource))
                .roleArn(ROLE)
                .build())
        .stateMachineArn();
  }

  public String createMachineFromText(String name, String definition) {
    return sfn.createStateMachine(
            CreateStateMachineRequest.builder()
                .name(name)
                .definition(definition)
                .roleArn(ROLE)
                .build())
        .stateMachineArn();
  }

  public static String resource(String path) {
    try {
      Path file = Path.of(path);
      if (!Files.exists(file)) {
        file = Path.of("src/test/resources").resolve(path);
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  @Override
  public void close() {
    sfn.close();
    engine.close();
  }
}
