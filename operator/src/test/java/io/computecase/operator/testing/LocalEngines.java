package io.computecase.operator.testing;

import io.computecase.local.events.LocalEventBridge;
import io.computecase.local.protocol.AwsJsonHttpClient;
import io.computecase.local.protocol.AwsJsonServer;
import io.computecase.local.s3.EmbeddedS3;
import io.computecase.local.sfn.LocalStepFunctions;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The project's real local Step Functions and EventBridge, wired to a test stack's ElasticMQ, so
 * the operator provisions and runs asl/computecase.asl.json on the engine that checks it, its
 * Distributed Map reading items from and writing results to the stack's embedded S3. Made by {@link
 * OperatorTestStack#useLocalEngines}, which closes it.
 */
final class LocalEngines {
  private final LocalEventBridge events;
  private final LocalStepFunctions stepFunctions;
  private final AwsJsonServer eventsServer;
  private final AwsJsonServer sfnServer;
  private final S3Client s3;

  LocalEngines(URI sqsEndpoint, URI s3Endpoint) {
    s3 = EmbeddedS3.clientFor(s3Endpoint);
    var sqsApi = new AwsJsonHttpClient(sqsEndpoint.toString(), "AmazonSQS", "1.0");
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
            // the Distributed Map's ItemReader and ResultWriter
            .s3(s3)
            .build();
    engine.set(stepFunctions);
    eventsServer = events.serve(0);
    sfnServer = stepFunctions.serve(0);
  }

  URI sfnEndpoint() {
    return URI.create(sfnServer.endpoint());
  }

  URI eventsEndpoint() {
    return URI.create(eventsServer.endpoint());
  }

  void close() {
    sfnServer.close();
    eventsServer.close();
    stepFunctions.close();
    events.close();
    s3.close();
  }
}
