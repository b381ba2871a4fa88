package io.computecase.local.stack;

import com.typesafe.config.ConfigFactory;
import io.computecase.local.events.LocalEventBridge;
import io.computecase.local.protocol.AwsJsonHttpClient;
import io.computecase.local.protocol.AwsJsonServer;
import io.computecase.local.protocol.AwsJsonService;
import io.computecase.local.sfn.LocalStepFunctions;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.elasticmq.Limits;
import org.elasticmq.NodeAddress;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.Option;

/**
 * The three AWS services of the embedded default, each served on loopback in its real wire
 * protocol: the local Step Functions engine, the local EventBridge and ElasticMQ for SQS. The
 * engine's events:putEvents integration reaches EventBridge in process; EventBridge delivers its
 * plain batches to ElasticMQ's queue actors ({@link SqsDirectBatches}) and anything else over SQS's
 * JSON API.
 *
 * <p>SQS's endpoint is an {@link SqsFront}, which refuses as SQS does the requests ElasticMQ
 * answers wrongly and passes the others to ElasticMQ on a loopback port of its own.
 */
public final class EmbeddedAws implements AutoCloseable {
  /** The region and account of every local service, so that ARNs agree across them. */
  public static final String REGION = "us-east-1";

  public static final String ACCOUNT_ID = "000000000000";

  private final ActorSystem sqsActors;
  private final SQSRestServer sqs;
  private final SqsFront sqsFront;
  private final URI sqsEndpoint;
  private final LocalEventBridge events;
  private final LocalStepFunctions stepFunctions;
  private final AwsJsonServer eventsServer;
  private final AwsJsonServer stepFunctionsServer;
  private final boolean persistent;

  private EmbeddedAws(int sfnPort, int eventsPort, int sqsPort, Path dataDir) {
    int sqsBoundPort = sqsPort == 0 ? freePort() : sqsPort;
    this.persistent = dataDir != null;
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
    Limits limits = SqsLimits.strict();
    // The stack makes the queue manager itself, so EventBridge can deliver to its actors directly.
    ActorRef queueManager =
        dataDir != null
            ? SqsStorage.queueManager(sqsActors, dataDir.resolve("sqs"), limits)
            : sqsActors.actorOf(
                Props.create(
                    QueueManagerActor.class,
                    () -> new QueueManagerActor(new NowProvider(), limits, Option.empty())),
                "sqs-queues");
    var sqsBuilder =
        SQSRestServerBuilder.withActorSystem(sqsActors)
            .withSQSLimits(limits)
            .withQueueManagerActor(queueManager);
    // ElasticMQ listens on a port of its own; its queue URLs name the front's, which callers use.
    this.sqs =
        sqsBuilder
            .withInterface("127.0.0.1")
            .withAWSRegion(REGION)
            .withAWSAccountId(ACCOUNT_ID)
            .withPort(0)
            .withServerAddress(new NodeAddress("http", "127.0.0.1", sqsBoundPort, ""))
            .start();
    int elasticMqPort = sqs.waitUntilStarted().localAddress().getPort();
    try {
      this.sqsFront = SqsFront.start(sqsBoundPort, elasticMqPort);
    } catch (RuntimeException e) {
      stopSqs();
      throw e;
    }
    this.sqsEndpoint = sqsFront.endpoint();
    AwsJsonService sqsApi = new AwsJsonHttpClient(sqsEndpoint.toString(), "AmazonSQS", "1.0");

    // EventBridge can target state machines and Step Functions puts events on EventBridge:
    // the reference breaks the cycle until both exist.
    AtomicReference<LocalStepFunctions> engine = new AtomicReference<>();
    LocalEventBridge.Builder eventsBuilder =
        LocalEventBridge.builder()
            .region(REGION)
            .accountId(ACCOUNT_ID)
            .service("sqs", new SqsDirectBatches(queueManager, sqsApi))
            .service(
                "states", (operation, request) -> engine.get().api().invoke(operation, request));
    LocalStepFunctions.Builder sfnBuilder =
        LocalStepFunctions.builder().region(REGION).accountId(ACCOUNT_ID);
    if (dataDir != null) {
      eventsBuilder.dataDirectory(dataDir.resolve("eventbridge"));
      sfnBuilder.dataDirectory(dataDir.resolve("stepfunctions"));
    }
    this.events = eventsBuilder.build();
    // Restored executions resume as soon as the engine is built: EventBridge is ready by then.
    this.stepFunctions =
        sfnBuilder.integration("events", events.api()).integration("sqs", sqsApi).build();
    engine.set(stepFunctions);
    this.eventsServer = events.serve(eventsPort);
    this.stepFunctionsServer = stepFunctions.serve(sfnPort);
  }

  /** Starts all three on free ports. */
  public static EmbeddedAws start() {
    return new EmbeddedAws(0, 0, 0, null);
  }

  /** Starts Step Functions on {@code basePort}, EventBridge on the next, SQS on the one after. */
  public static EmbeddedAws start(int basePort) {
    return basePort == 0 ? start() : new EmbeddedAws(basePort, basePort + 1, basePort + 2, null);
  }

  /**
   * As {@link #start(int)}, keeping state machines, executions, waiting task tokens, buses, rules,
   * queues and messages in {@code dataDir} (null: in memory), and the ports too: a restart on the
   * same directory serves at the same endpoints, so stored queue URLs still work.
   */
  public static EmbeddedAws start(int basePort, Path dataDir) {
    if (dataDir == null) {
      return start(basePort);
    }
    Path aws = dataDir.toAbsolutePath();
    AwsPorts ports = AwsPorts.remembered(aws, basePort);
    return new EmbeddedAws(ports.stepFunctions(), ports.events(), ports.sqs(), aws);
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
    try {
      stepFunctionsServer.close();
      eventsServer.close();
      stepFunctions.close();
      events.close();
    } finally {
      // SQS's threads are not daemons: they stop even when an engine fails to
      sqsFront.close();
      stopSqs();
    }
  }

  private void stopSqs() {
    sqs.stopAndWait();
    sqsActors.terminate();
    try {
      // With a data directory the next start opens the same database: let this one finish.
      sqsActors.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Stopping anyway: nothing more to do with an actor system that will not stop.
    }
    if (persistent) {
      SqsStorage.close();
    }
  }

  private static int freePort() {
    return AwsPorts.freePort();
  }
}
