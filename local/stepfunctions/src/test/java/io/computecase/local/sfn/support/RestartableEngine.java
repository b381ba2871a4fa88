package io.computecase.local.sfn.support;

import io.computecase.local.protocol.AwsJsonServer;
import io.computecase.local.sfn.LocalStepFunctions;
import io.computecase.testing.TestingClock;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * An engine on a data directory that a test stops and starts again: the clock and the event bus
 * outlive the engine, as the real clock and EventBridge outlive a restart of Step Functions.
 */
public final class RestartableEngine implements AutoCloseable {
  public final TestingClock clock = new TestingClock();
  public final TestingEventBus bus = new TestingEventBus();
  private final Path dataDirectory;
  private LocalStepFunctions engine;
  private AwsJsonServer server;
  public SfnClient sfn;

  public RestartableEngine(Path dataDirectory) {
    this.dataDirectory = dataDirectory;
    start();
  }

  private void start() {
    engine =
        LocalStepFunctions.builder()
            .clock(clock)
            .onClockAdvance(clock::onAdvance)
            .integration("events", bus)
            .dataDirectory(dataDirectory)
            .build();
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
    close();
    start();
  }

  public LocalStepFunctions engine() {
    return engine;
  }

  @Override
  public void close() {
    sfn.close();
    engine.close();
  }
}
