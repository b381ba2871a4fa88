package io.computecase.local.stack;

import com.typesafe.config.ConfigFactory;
import io.computecase.local.events.LocalEventBridge;
import io.computecase.local.protocol.AwsJsonHttpClient;
import io.computecase.local.protocol.AwsJsonServer;
import io.computecase.local.protocol.AwsJsonService;
import io.computecase.local.s3.EmbeddedS3;
import io.computecase.local.sfn.LocalStepFunctions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
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
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The four AWS services of the embedded default, each served on loopback in its real wire protocol:
 * the local Step Functions engine, the local EventBridge, ElasticMQ for SQS and S3Proxy for S3
 * ({@link EmbeddedS3}). The engine's events:putEvents integration reaches EventBridge in process;
 * EventBridge delivers its plain batches to ElasticMQ's queue actors ({@link SqsDirectBatches}) and
 * anything else over SQS's JSON API.
 *
 * <p>SQS's endpoint is an {@link SqsFront}, which refuses as SQS does the requests ElasticMQ
 * answers wrongly and passes the others to ElasticMQ on a loopback port of its own.
 *
 * <p>S3 keeps its objects as files under {@code <dataDir>/s3}, or without a data directory in a
 * temporary folder deleted on close.
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
  private final EmbeddedS3 s3;
  private final S3Client engineS3;
  private final Path s3Scratch;

  /** S3 first: everything else is started by the constructor, which closes S3 if it fails. */
  private static EmbeddedAws start(
      int sfnPort, int eventsPort, int sqsPort, int s3Port, Path dataDir) {
    Path scratch = dataDir == null ? temporaryFolder() : null;
    EmbeddedS3 s3;
    try {
      s3 = EmbeddedS3.start(s3Port, scratch != null ? scratch : dataDir.resolve("s3"));
    } catch (RuntimeException e) {
      deleteScratch(scratch);
      throw e;
    }
    try {
      return new EmbeddedAws(sfnPort, eventsPort, sqsPort, dataDir, s3, scratch);
    } catch (RuntimeException | Error e) {
      closeS3(s3, scratch);
      throw e;
    }
  }

  private EmbeddedAws(
      int sfnPort, int eventsPort, int sqsPort, Path dataDir, EmbeddedS3 s3, Path s3Scratch) {
    int sqsBoundPort = sqsPort == 0 ? freePort() : sqsPort;
    this.persistent = dataDir != null;
    this.s3 = s3;
    this.s3Scratch = s3Scratch;
    // The engine's ItemReader and ResultWriter reach S3 over HTTP, as they would on AWS.
    this.engineS3 = EmbeddedS3.clientFor(s3.endpoint());
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
        sfnBuilder
            .integration("events", events.api())
            .integration("sqs", sqsApi)
            .s3(engineS3)
            .build();
    engine.set(stepFunctions);
    this.eventsServer = events.serve(eventsPort);
    this.stepFunctionsServer = stepFunctions.serve(sfnPort);
  }

  /** Starts all four on free ports. */
  public static EmbeddedAws start() {
    return start(0, 0, 0, 0, null);
  }

  /**
   * Starts Step Functions on {@code basePort}, EventBridge on the next, SQS on the one after and S3
   * on the one after that.
   */
  public static EmbeddedAws start(int basePort) {
    return basePort == 0
        ? start()
        : start(basePort, basePort + 1, basePort + 2, basePort + 3, null);
  }

  /**
   * As {@link #start(int)}, keeping state machines, executions, waiting task tokens, buses, rules,
   * queues, messages, buckets and objects in {@code dataDir} (null: in memory, and S3 in a
   * temporary folder), and the ports too: a restart on the same directory serves at the same
   * endpoints, so stored queue URLs still work.
   */
  public static EmbeddedAws start(int basePort, Path dataDir) {
    if (dataDir == null) {
      return start(basePort);
    }
    Path aws = dataDir.toAbsolutePath();
    AwsPorts ports = AwsPorts.remembered(aws, basePort);
    return start(ports.stepFunctions(), ports.events(), ports.sqs(), ports.s3(), aws);
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

  /** S3's endpoint; clients need path-style access (see {@link EmbeddedS3#clientFor(URI)}). */
  public URI s3Endpoint() {
    return s3.endpoint();
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
      engineS3.close();
      events.close();
    } finally {
      // SQS's threads are not daemons: they stop even when an engine fails to
      try {
        sqsFront.close();
        stopSqs();
      } finally {
        closeS3(s3, s3Scratch);
      }
    }
  }

  private static void closeS3(EmbeddedS3 s3, Path scratch) {
    try {
      s3.close();
    } finally {
      deleteScratch(scratch);
    }
  }

  private static Path temporaryFolder() {
    try {
      return Files.createTempDirectory("computecase-s3-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a temporary folder for S3's objects", e);
    }
  }

  private static void deleteScratch(Path scratch) {
    if (scratch == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(scratch)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind: nothing more to do
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
