package io.computecase.local.sfn;

import io.computecase.local.protocol.AwsJsonServer;
import io.computecase.local.protocol.AwsJsonService;
import io.computecase.local.sfn.api.StepFunctionsApi;
import io.computecase.local.sfn.execution.StepFunctionsEngine;
import io.computecase.local.sfn.execution.steps.StateSteps;
import io.computecase.local.sfn.integration.s3.ObjectStore;
import io.computecase.local.sfn.integration.s3.S3ObjectStore;
import io.computecase.local.sfn.integration.services.EventsPutEvents;
import io.computecase.local.sfn.integration.services.SqsSendMessage;
import io.computecase.local.sfn.integration.services.StatesStartExecution;
import io.computecase.local.sfn.machines.StateMachineCatalog;
import io.computecase.local.sfn.persistence.EnginePersistence;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An embeddable local AWS Step Functions: the engine, its API in process, and the API served over
 * HTTP on loopback for AWS SDKs and the AWS CLI.
 */
public final class LocalStepFunctions implements AutoCloseable {
  private final StepFunctionsEngine engine;
  private final StepFunctionsApi api;
  private final List<AwsJsonServer> servers = new ArrayList<>();
  private final EnginePersistence persistence;

  private LocalStepFunctions(Builder builder) {
    this.engine =
        new StepFunctionsEngine(
            builder.region,
            builder.accountId,
            builder.clock,
            new StateSteps(
                builder.s3 == null ? ObjectStore.NOT_CONFIGURED : new S3ObjectStore(builder.s3)));
    engine.retainClosed(builder.closedRetention, builder.closedKept);
    if (builder.clockAdvances != null) {
      builder.clockAdvances.accept(engine.timers()::wake);
    }
    StateMachineCatalog catalog = new StateMachineCatalog(engine);
    this.api = new StepFunctionsApi(engine, catalog);
    AwsJsonService events = builder.integrations.get("events");
    if (events != null) {
      engine.addIntegration(new EventsPutEvents(events, engine.blockingExecutor()));
    }
    AwsJsonService sqs = builder.integrations.get("sqs");
    if (sqs != null) {
      engine.addIntegration(new SqsSendMessage(sqs, engine.blockingExecutor()));
    }
    engine.addIntegration(new StatesStartExecution(api, engine));
    if (builder.dataDirectory == null) {
      this.persistence = null;
    } else {
      try {
        this.persistence =
            EnginePersistence.open(
                builder.dataDirectory, engine, catalog, builder.snapshotInterval);
      } catch (RuntimeException e) {
        engine.close();
        throw e;
      }
      persistence.resume();
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every operation in process, through the same handlers as HTTP. */
  public AwsJsonService api() {
    return api;
  }

  /** Serves the API over HTTP (JSON 1.0) on 127.0.0.1; 0 picks a free port. */
  public synchronized AwsJsonServer serve(int port) {
    AwsJsonServer server = api.serve(port);
    servers.add(server);
    return server;
  }

  /** The engine behind the API, for embedders that measure it (tasks waiting, executors). */
  public StepFunctionsEngine engine() {
    return engine;
  }

  @Override
  public synchronized void close() {
    servers.forEach(AwsJsonServer::close);
    servers.clear();
    if (persistence != null) {
      persistence.stopWriting();
    }
    engine.close();
    if (persistence != null) {
      // Written after the engine stopped, so it holds the last state the engine reached.
      persistence.writeLast();
    }
  }

  /** Configures a LocalStepFunctions. */
  public static final class Builder {
    private String region = "us-east-1";
    private String accountId = "000000000000";
    private Clock clock = Clock.systemUTC();
    private Consumer<Runnable> clockAdvances;
    private final Map<String, AwsJsonService> integrations = new LinkedHashMap<>();
    private Path dataDirectory;
    private Duration snapshotInterval = Duration.ofSeconds(1);
    private Duration closedRetention = Duration.ofDays(90);
    private int closedKept = 1_000;
    private S3Client s3;

    private Builder() {}

    public Builder region(String value) {
      this.region = value;
      return this;
    }

    public Builder accountId(String value) {
      this.accountId = value;
      return this;
    }

    /** The clock of waits, timeouts and timestamps; a test's clock that it moves by hand. */
    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    /**
     * For a clock that jumps instead of running (a test's): the engine gives {@code subscription}
     * the callback to run after each jump, so that timers that came due fire at once rather than at
     * their next check, up to a second later. A test's clock passes its listener registration, e.g.
     * {@code onClockAdvance(clock::onAdvance)}.
     */
    public Builder onClockAdvance(Consumer<Runnable> subscription) {
      this.clockAdvances = subscription;
      return this;
    }

    /** The service behind an integration: "events" (EventBridge JSON 1.1) or "sqs" (SQS JSON). */
    public Builder integration(String service, AwsJsonService serviceApi) {
      integrations.put(service, serviceApi);
      return this;
    }

    /**
     * The S3 a Distributed Map's ItemReader reads its items from and its ResultWriter exports its
     * results to (for the embedded S3, a client with path-style access pointed at it). Without one,
     * such a Map fails with States.ItemReaderFailed or States.ResultWriterFailed, saying S3 is not
     * configured. The engine does not close the client.
     */
    public Builder s3(S3Client client) {
      this.s3 = client;
      return this;
    }

    /**
     * Closed executions are kept this long (AWS: 90 days), and at most {@code perStateMachine} of
     * each state machine (default 1,000), with their Map Runs and child executions.
     */
    public Builder retainClosed(Duration age, int perStateMachine) {
      this.closedRetention = age;
      this.closedKept = perStateMachine;
      return this;
    }

    /**
     * Keeps state machines, executions, Map Runs and waiting task tokens in this directory, so a
     * restart goes on where the engine stopped; absent, everything lives in memory only.
     */
    public Builder dataDirectory(Path value) {
      this.dataDirectory = value;
      return this;
    }

    /** How often a changed state is written to the data directory (1 s by default). */
    public Builder snapshotInterval(Duration value) {
      this.snapshotInterval = value;
      return this;
    }

    public LocalStepFunctions build() {
      return new LocalStepFunctions(this);
    }
  }
}
