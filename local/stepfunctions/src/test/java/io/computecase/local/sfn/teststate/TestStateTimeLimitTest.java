package io.computecase.local.sfn.teststate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.local.protocol.AwsJsonServer;
import io.computecase.local.protocol.AwsJsonService;
import io.computecase.local.sfn.LocalStepFunctions;
import io.computecase.local.sfn.support.EngineFixture;
import io.computecase.testing.TestingClock;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;

/**
 * A tested state runs for at most five minutes, on the engine's clock, and then fails with
 * States.Timeout (which, as a guess, no Retry or Catch of the state handles).
 */
class TestStateTimeLimitTest {
  private final TestingClock clock = new TestingClock();
  private final CountDownLatch called = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  /** An EventBridge that never answers until the test ends. */
  private final AwsJsonService silentBus =
      (operation, request) -> {
        called.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("too late");
      };

  private final LocalStepFunctions engine =
      LocalStepFunctions.builder()
          .clock(clock)
          .onClockAdvance(clock::onAdvance)
          .integration("events", silentBus)
          .build();
  private final AwsJsonServer server = engine.serve(0);
  private final SfnClient sfn =
      SfnClient.builder()
          .endpointOverride(URI.create(server.endpoint()))
          .region(Region.US_EAST_1)
          .credentialsProvider(
              StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
          .overrideConfiguration(
              o -> o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
          .build();

  @AfterEach
  void close() {
    release.countDown();
    sfn.close();
    engine.close();
  }

  private CompletableFuture<TestStateResponse> testInBackground(String definition) {
    CompletableFuture<TestStateResponse> response =
        CompletableFuture.supplyAsync(
            () ->
                sfn.testState(
                    b -> b.definition(definition).roleArn(EngineFixture.ROLE).input("{}")));
    await().atMost(Duration.ofSeconds(20)).until(() -> called.getCount() == 0);
    return response;
  }

  @Test
  void aStateStillRunningAfterFiveMinutesFailsWithATimeoutItsCatchDoesNotHandleGuess()
      throws Exception {
    CompletableFuture<TestStateResponse> pending =
        testInBackground(
            """
            {"Type": "Task", "Resource": "arn:aws:states:::events:putEvents",
             "Parameters": {"Entries": []},
             "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}],
             "End": true}
            """);
    clock.advance(Duration.ofMinutes(4).plusSeconds(59));
    assertThat(pending).isNotDone();
    clock.advance(Duration.ofSeconds(1));
    TestStateResponse response = pending.get(20, TimeUnit.SECONDS);
    assertThat(response.status()).isEqualTo(TestExecutionStatus.FAILED);
    assertThat(response.error()).isEqualTo("States.Timeout");
    assertThat(response.nextState()).isNull();
  }
}
