package io.computecase.local.events;

import io.computecase.local.events.api.EventBridgeOperations;
import io.computecase.local.events.delivery.DeliveryDispatcher;
import io.computecase.local.events.delivery.DeliverySettings;
import io.computecase.local.events.model.ResourceArns;
import io.computecase.local.events.persistence.PersistentRegistry;
import io.computecase.local.events.registry.BusRegistry;
import io.computecase.local.events.routing.EventRouter;
import io.computecase.local.protocol.AwsJsonServer;
import io.computecase.local.protocol.AwsJsonService;
import io.computecase.local.protocol.OperationHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A local Amazon EventBridge: buses, pattern rules matched by event-ruler, and delivery to SQS
 * queues and Step Functions state machines through their JSON APIs, with retries and dead-letter
 * queues. Usable in process ({@link #api()}) and over HTTP ({@link #serve(int)}, AWS JSON 1.1,
 * {@code X-Amz-Target: AWSEvents.<Operation>}).
 */
public final class LocalEventBridge implements AutoCloseable {
  private final EventBridgeOperations operations;
  private final AwsJsonService api;
  private final DeliveryDispatcher dispatcher;
  private final List<AwsJsonServer> servers = new ArrayList<>();

  private LocalEventBridge(Builder builder) {
    ResourceArns arns = new ResourceArns(builder.region, builder.accountId);
    EventRouter router = new EventRouter();
    this.dispatcher =
        new DeliveryDispatcher(
            builder.services.get("sqs"),
            builder.services.get("states"),
            builder.clock,
            builder.delivery);
    BusRegistry registry = new BusRegistry(arns, builder.clock, router);
    this.operations = new EventBridgeOperations(registry, router, dispatcher, arns, builder.clock);
    if (builder.dataDirectory == null) {
      this.api = operations;
    } else {
      try {
        this.api = PersistentRegistry.open(operations, builder.dataDirectory);
      } catch (RuntimeException e) {
        dispatcher.close();
        throw e;
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** All operations in process, exactly as they are served over HTTP. */
  public AwsJsonService api() {
    return api;
  }

  /** Serves the API on 127.0.0.1 at this port (0 = any free port); closed with this bridge. */
  public synchronized AwsJsonServer serve(int port) {
    AwsJsonServer.Builder server = AwsJsonServer.builder("AWSEvents", "1.1").port(port);
    for (String operation : operations.operations()) {
      OperationHandler handler = request -> api.invoke(operation, request);
      if (api.blocks(operation)) {
        server.operation(operation, handler);
      } else {
        server.nonBlockingOperation(operation, handler);
      }
    }
    AwsJsonServer started = server.start();
    servers.add(started);
    return started;
  }

  /** Events written to dead-letter queues since start. */
  public long deadLettered() {
    return dispatcher.deadLettered();
  }

  /**
   * Events given up for good: retries exhausted with no dead-letter queue, or the DLQ refused them.
   */
  public long dropped() {
    return dispatcher.dropped();
  }

  /**
   * Stops the HTTP servers, delivers the events already accepted (for up to 10 s) and stops the
   * delivery threads.
   */
  @Override
  public synchronized void close() {
    servers.forEach(AwsJsonServer::close);
    servers.clear();
    dispatcher.close();
  }

  /** Configures a {@link LocalEventBridge}. */
  public static final class Builder {
    private String region = "us-east-1";
    private String accountId = "000000000000";
    private Clock clock = Clock.systemUTC();
    private final Map<String, AwsJsonService> services = new HashMap<>();
    private DeliverySettings delivery = DeliverySettings.DEFAULT;
    private Path dataDirectory;

    private Builder() {}

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public Builder accountId(String accountId) {
      this.accountId = accountId;
      return this;
    }

    /** The clock for event times, ingestion times and MaximumEventAgeInSeconds. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * A service targets are delivered through: {@code "sqs"} (SQS JSON protocol: GetQueueUrl,
     * SendMessage, SendMessageBatch) or {@code "states"} (StartExecution).
     */
    public Builder service(String name, AwsJsonService api) {
      if (!name.equals("sqs") && !name.equals("states")) {
        throw new IllegalArgumentException(
            "Unknown target service '" + name + "'; use \"sqs\" or \"states\"");
      }
      services.put(name, api);
      return this;
    }

    /** The first retry's backoff (default 200 ms), doubling up to {@code max} (default 30 s). */
    public Builder retryBackoff(Duration initial, Duration max) {
      this.delivery = new DeliverySettings(delivery.threads(), initial, max);
      return this;
    }

    /**
     * Keeps buses, rules, targets and tags in this directory across restarts (events in flight are
     * not kept); absent, everything lives in memory only.
     */
    public Builder dataDirectory(Path directory) {
      this.dataDirectory = directory;
      return this;
    }

    public LocalEventBridge build() {
      return new LocalEventBridge(this);
    }
  }
}
