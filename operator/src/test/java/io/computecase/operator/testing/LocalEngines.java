package io.computecase.operator.testing;

import io.computecase.local.events.LocalEventBridge;
import io.computecase.local.protocol.AwsJsonHttpClient;
import io.computecase.local.protocol.AwsJsonServer;
import io.computecase.local.sfn.LocalStepFunctions;
import io.computecase.operator.config.OperatorConfig;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The project's real local Step Functions and EventBridge, wired to a test stack's ElasticMQ, so
 * the operator provisions and runs asl/computecase.asl.json on the engine that checks it.
 */
public final class LocalEngines implements AutoCloseable {
  private final LocalEventBridge events;
  private final LocalStepFunctions stepFunctions;
  private final AwsJsonServer eventsServer;
  private final AwsJsonServer sfnServer;

  public LocalEngines(OperatorTestStack stack) {
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
  }

  /** The stack's configuration, pointed at these engines. */
  public OperatorConfig config(OperatorTestStack stack) {
    return stack.config().toBuilder()
        .sfnEndpoint(URI.create(sfnServer.endpoint()))
        .eventsEndpoint(URI.create(eventsServer.endpoint()))
        .build();
  }

  public SfnClient sfn() {
    return SfnClient.builder()
        .endpointOverride(URI.create(sfnServer.endpoint()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
        .build();
  }

  @Override
  public void close() {
    sfnServer.close();
    eventsServer.close();
    stepFunctions.close();
    events.close();
  }
}
