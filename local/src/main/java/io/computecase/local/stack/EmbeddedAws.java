package io.computecase.local.stack;

import io.computecase.local.events.LocalEventBridge;
import io.computecase.local.protocol.AwsJsonHttpClient;
import io.computecase.local.protocol.AwsJsonServer;
import io.computecase.local.protocol.AwsJsonService;
import io.computecase.local.sfn.LocalStepFunctions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.ActorSystem;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * The three AWS services of the embedded default, each served on loopback in its real wire
 * protocol: the local Step Functions engine, the local EventBridge and ElasticMQ for SQS. The
 * engine's events:putEvents integration reaches EventBridge in process; EventBridge delivers to
 * ElasticMQ over its SQS JSON API, exactly as it would to SQS.
 */
public final class EmbeddedAws implements AutoCloseable {
  /** The region and account of every local service, so that ARNs agree across them. */
  public static final String REGION = "us-east-1";

  public static final String ACCOUNT_ID = "000000000000";

  private final ActorSystem sqsActors;
  private final SQSRestServer sqs;
  private final URI sqsEndpoint;
  private final LocalEventBridge events;
  private final LocalStepFunctions stepFunctions;
  private final AwsJsonServer eventsServer;
  private final AwsJsonServer stepFunctionsServer;

  private EmbeddedAws(int sfnPort, int eventsPort, int sqsPort) {
    int sqsBoundPort = sqsPort == 0 ? freePort() : sqsPort;
    // SQS long polls last up to 20 s; Pekko HTTP's default 20 s request timeout would cut them
    // short under load, so give requests room beyond the longest poll.
    this.sqsActors =
        ActorSystem.create(
            "elasticmq",
            ConfigFactory.parseString(
                    "pekko.http.server.request-timeout = 60 s\n"
                        + "pekko.http.server.idle-timeout = 120 s\n"
                        // ElasticMQ shares the machine with the engine, the operator and the
                        // workers: one dispatcher thread per core, each running a queue actor's
                        // mailbox longer per turn, saves the hand-offs that otherwise cost more
                        // CPU than the queue work itself.
                        + "pekko.actor.default-dispatcher.fork-join-executor.parallelism-max = "
                        + Runtime.getRuntime().availableProcessors()
                        + "\npekko.actor.default-dispatcher.throughput = 64")
                .withFallback(ConfigFactory.load()));
    this.sqs =
        SQSRestServerBuilder.withActorSystem(sqsActors)
            .withInterface("127.0.0.1")
            .withAWSRegion(REGION)
            .withAWSAccountId(ACCOUNT_ID)
            .withPort(sqsBoundPort)
            .withServerAddress(new NodeAddress("http", "127.0.0.1", sqsBoundPort, ""))
            .start();
    sqs.waitUntilStarted();
    this.sqsEndpoint = URI.create("http://127.0.0.1:" + sqsBoundPort);
    AwsJsonService sqsApi = new AwsJsonHttpClient(sqsEndpoint.toString(), "AmazonSQS", "1.0");

    // EventBridge can target state machines and Step Functions puts events on EventBridge:
    // the reference breaks the cycle until both exist.
    AtomicReference<LocalStepFunctions> engine = new AtomicReference<>();
    this.events =
        LocalEventBridge.builder()
            .region(REGION)
            .accountId(ACCOUNT_ID)
            .service("sqs", sqsApi)
            .service("states", (operation, request) -> engine.get().api().invoke(operation, request))
            .build();
    this.stepFunctions =
        LocalStepFunctions.builder()
            .region(REGION)
            .accountId(ACCOUNT_ID)
            .integration("events", events.api())
            .integration("sqs", sqsApi)
            .build();
    engine.set(stepFunctions);
    this.eventsServer = events.serve(eventsPort);
    this.stepFunctionsServer = stepFunctions.serve(sfnPort);
  }

  /** Starts all three on free ports. */
  public static EmbeddedAws start() {
    return new EmbeddedAws(0, 0, 0);
  }

  /** Starts Step Functions on {@code basePort}, EventBridge on the next, SQS on the one after. */
  public static EmbeddedAws start(int basePort) {
    return basePort == 0 ? start() : new EmbeddedAws(basePort, basePort + 1, basePort + 2);
  }

  public URI stepFunctionsEndpoint() {
    return URI.create(stepFunctionsServer.endpoint());
  }

  public URI eventsEndpoint() {
    return URI.create(eventsServer.endpoint());
  }

  public URI sqsEndpoint() {
    return sqsEndpoint;
  }

  public LocalStepFunctions stepFunctions() {
    return stepFunctions;
  }

  public LocalEventBridge eventBridge() {
    return events;
  }

  @Override
  public void close() {
    stepFunctionsServer.close();
    eventsServer.close();
    stepFunctions.close();
    events.close();
    sqs.stopAndWait();
    sqsActors.terminate();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on loopback", e);
    }
  }
}
