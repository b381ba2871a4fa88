package io.computecase.worker;

import io.computecase.common.config.EnvironmentVariables;
import io.computecase.worker.computation.ExecSettings;
import io.opentelemetry.api.OpenTelemetry;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one worker runs: its queue (a URL, or a target of the install whose queue is {@code
 * <prefix>-<target>}; the URL wins when both are given), how many items it computes at once, which
 * computation, and where the AWS endpoints are. Built in process with {@link #builder()} or from
 * the container's environment with {@link #fromEnvironment(Map)}.
 */
public final class WorkerConfig {
  public static final int DEFAULT_CONCURRENCY = 10;
  public static final int DEFAULT_HTTP_PORT = 8080;
  public static final String DEFAULT_COMPUTATION = "simulate";
  static final int MAX_DEFAULT_POLLERS = 10;

  private final String queueUrl;
  private final String target;
  private final String resourcePrefix;
  private final int concurrency;
  private final String workerId;
  private final String region;
  private final URI sfnEndpoint;
  private final URI sqsEndpoint;
  private final String computation;
  private final int httpPort;
  private final Integer visibilityTimeoutSeconds;
  private final int pollers;
  private final int waitTimeSeconds;
  private final ExecSettings exec;
  private final String httpHost;
  private final OpenTelemetry openTelemetry;

  private WorkerConfig(Builder b) {
    if (b.queueUrl == null && b.target == null) {
      throw new IllegalArgumentException(
          "Give the worker its queue: COMPUTECASE_QUEUE_URL (queueUrl) or COMPUTECASE_TARGET"
              + " (target, for the queue <COMPUTECASE_RESOURCE_PREFIX>-<target>)");
    }
    if (b.concurrency < 1) {
      throw new IllegalArgumentException(
          "COMPUTECASE_CONCURRENCY (concurrency) must be at least 1 but is " + b.concurrency);
    }
    if (b.visibilityTimeoutSeconds != null
        && (b.visibilityTimeoutSeconds < 2 || b.visibilityTimeoutSeconds > 43_200)) {
      throw new IllegalArgumentException(
          "visibilityTimeoutSeconds must be between 2 and 43200 (SQS's limit) but is "
              + b.visibilityTimeoutSeconds);
    }
    this.queueUrl = b.queueUrl;
    // A queue URL names the queue exactly; a target given with it is only a label.
    this.target = b.queueUrl == null ? b.target : null;
    this.resourcePrefix = b.resourcePrefix;
    this.concurrency = b.concurrency;
    this.workerId = b.workerId != null ? b.workerId : hostname();
    this.region = b.region;
    this.sfnEndpoint = b.sfnEndpoint;
    this.sqsEndpoint = b.sqsEndpoint;
    this.computation = b.computation;
    this.httpPort = b.httpPort;
    this.visibilityTimeoutSeconds = b.visibilityTimeoutSeconds;
    // One long poll brings at most 10 messages, so about one poller per 10 slots keeps the worker
    // full; beyond ten, extra long polls mostly wait and load the queue service (ElasticMQ answers
    // every waiting poll on each change).
    this.pollers =
        b.pollers > 0 ? b.pollers : Math.min(MAX_DEFAULT_POLLERS, (concurrency + 9) / 10);
    if (b.waitTimeSeconds < 1 || b.waitTimeSeconds > 20) {
      throw new IllegalArgumentException(
          "waitTimeSeconds must be between 1 and 20 (SQS's long-poll limit) but is "
              + b.waitTimeSeconds);
    }
    this.waitTimeSeconds = b.waitTimeSeconds;
    if (b.execTimeout.compareTo(b.execMaxTimeout) > 0) {
      throw new IllegalArgumentException(
          "COMPUTECASE_EXEC_TIMEOUT_SECONDS ("
              + b.execTimeout.toSeconds()
              + ") must not be over COMPUTECASE_EXEC_MAX_TIMEOUT_SECONDS ("
              + b.execMaxTimeout.toSeconds()
              + "): lower the first or raise the second");
    }
    this.httpHost = b.httpHost;
    this.exec =
        new ExecSettings(
            Optional.ofNullable(b.execCommand),
            b.execTimeout,
            b.execMaxTimeout,
            b.execAwsCredentials,
            b.execEnvironment);
    this.openTelemetry = b.openTelemetry;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Reads the worker's environment variables (see the worker's README section). */
  public static WorkerConfig fromEnvironment(Map<String, String> env) {
    return builderFromEnvironment(env).build();
  }

  /**
   * A builder holding what the environment variables say, for the caller to add to; a malformed one
   * is refused with the text the operator gives for the same mistake.
   */
  public static Builder builderFromEnvironment(Map<String, String> env) {
    Builder b = builder();
    EnvironmentVariables read = EnvironmentVariables.of(env);
    read.string("COMPUTECASE_QUEUE_URL").ifPresent(b::queueUrl);
    read.string("COMPUTECASE_TARGET").ifPresent(b::target);
    read.string("COMPUTECASE_RESOURCE_PREFIX").ifPresent(b::resourcePrefix);
    read.string("AWS_REGION").or(() -> read.string("AWS_DEFAULT_REGION")).ifPresent(b::region);
    read.positiveInt("COMPUTECASE_CONCURRENCY").ifPresent(b::concurrency);
    read.string("COMPUTECASE_COMPUTATION").ifPresent(b::computation);
    read.string("COMPUTECASE_WORKER_ID").ifPresent(b::workerId);
    read.endpoint("COMPUTECASE_SFN_ENDPOINT").ifPresent(b::sfnEndpoint);
    read.endpoint("COMPUTECASE_SQS_ENDPOINT").ifPresent(b::sqsEndpoint);
    b.httpPort(read.port("COMPUTECASE_HTTP_PORT").orElse(DEFAULT_HTTP_PORT));
    read.string("COMPUTECASE_HTTP_HOST").ifPresent(b::httpHost);
    read.positiveInt("COMPUTECASE_VISIBILITY_TIMEOUT_SECONDS")
        .ifPresent(b::visibilityTimeoutSeconds);
    read.positiveInt("COMPUTECASE_POLLERS").ifPresent(b::pollers);
    read.positiveInt("COMPUTECASE_WAIT_TIME_SECONDS").ifPresent(b::waitTimeSeconds);
    read.string("COMPUTECASE_EXEC_COMMAND").ifPresent(b::execCommand);
    read.seconds("COMPUTECASE_EXEC_TIMEOUT_SECONDS").ifPresent(b::execTimeout);
    read.seconds("COMPUTECASE_EXEC_MAX_TIMEOUT_SECONDS").ifPresent(b::execMaxTimeout);
    read.bool("COMPUTECASE_EXEC_AWS_CREDENTIALS").ifPresent(b::execAwsCredentials);
    read.commaList("COMPUTECASE_EXEC_ENVIRONMENT").ifPresent(b::execEnvironment);
    return b;
  }

  public Optional<String> queueUrl() {
    return Optional.ofNullable(queueUrl);
  }

  public Optional<String> target() {
    return Optional.ofNullable(target);
  }

  /** The queue of the install target given instead of a URL, as the operator names it. */
  public Optional<String> queueName() {
    return target().map(t -> resourcePrefix + "-" + t);
  }

  public int concurrency() {
    return concurrency;
  }

  public String workerId() {
    return workerId;
  }

  public String region() {
    return region;
  }

  public Optional<URI> sfnEndpoint() {
    return Optional.ofNullable(sfnEndpoint);
  }

  public Optional<URI> sqsEndpoint() {
    return Optional.ofNullable(sqsEndpoint);
  }

  public String computation() {
    return computation;
  }

  /** The port of /healthz, /readyz and /metrics; 0 takes a free port, negative serves none. */
  public int httpPort() {
    return httpPort;
  }

  /** The visibility each receive asks for; empty keeps the queue's own setting. */
  public Optional<Integer> visibilityTimeoutSeconds() {
    return Optional.ofNullable(visibilityTimeoutSeconds);
  }

  public int pollers() {
    return pollers;
  }

  /** How long one receive waits for messages (SQS long polling); 20 s unless set. */
  public int waitTimeSeconds() {
    return waitTimeSeconds;
  }

  /** The address /healthz, /readyz and /metrics listen on: every interface in a pod. */
  public String httpHost() {
    return httpHost;
  }

  /** How the {@code exec} computation runs its program. */
  public ExecSettings exec() {
    return exec;
  }

  public OpenTelemetry openTelemetry() {
    return openTelemetry;
  }

  private static String hostname() {
    String fromEnv = System.getenv("HOSTNAME");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "worker";
    }
  }

  /** Collects a worker's settings; {@link #build()} checks them and names what is wrong. */
  public static final class Builder {
    private String queueUrl;
    private String target;
    private String resourcePrefix = "computecase";
    private int concurrency = DEFAULT_CONCURRENCY;
    private String workerId;
    private String region = "us-east-1";
    private URI sfnEndpoint;
    private URI sqsEndpoint;
    private String computation = DEFAULT_COMPUTATION;
    private int httpPort = -1;
    private Integer visibilityTimeoutSeconds;
    private int pollers;
    private int waitTimeSeconds = 20;
    private String execCommand;
    private Duration execTimeout = Duration.ofMinutes(5);
    private Duration execMaxTimeout = Duration.ofHours(1);
    private String httpHost = "0.0.0.0";
    private boolean execAwsCredentials;
    private List<String> execEnvironment = List.of();
    private OpenTelemetry openTelemetry = OpenTelemetry.noop();

    private Builder() {}

    public Builder queueUrl(String queueUrl) {
      this.queueUrl = queueUrl;
      return this;
    }

    public Builder target(String target) {
      this.target = target;
      return this;
    }

    /** The install's AWS resource prefix (the operator's COMPUTECASE_RESOURCE_PREFIX). */
    public Builder resourcePrefix(String resourcePrefix) {
      this.resourcePrefix = resourcePrefix;
      return this;
    }

    public Builder concurrency(int concurrency) {
      this.concurrency = concurrency;
      return this;
    }

    public Builder workerId(String workerId) {
      this.workerId = workerId;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public Builder sfnEndpoint(String endpoint) {
      return sfnEndpoint(endpoint == null ? null : URI.create(endpoint));
    }

    public Builder sfnEndpoint(URI endpoint) {
      this.sfnEndpoint = endpoint;
      return this;
    }

    public Builder sqsEndpoint(String endpoint) {
      return sqsEndpoint(endpoint == null ? null : URI.create(endpoint));
    }

    public Builder sqsEndpoint(URI endpoint) {
      this.sqsEndpoint = endpoint;
      return this;
    }

    public Builder computation(String computation) {
      this.computation = computation;
      return this;
    }

    /** In process the default is -1 (no HTTP endpoints); the container's default is 8080. */
    public Builder httpPort(int httpPort) {
      this.httpPort = httpPort;
      return this;
    }

    public Builder visibilityTimeoutSeconds(int seconds) {
      this.visibilityTimeoutSeconds = seconds;
      return this;
    }

    /** Long-polling threads; by default about one per 10 slots of concurrency, at most 10. */
    public Builder pollers(int pollers) {
      this.pollers = pollers;
      return this;
    }

    /** Shorter long polls let a stop end sooner without cutting them (tests, demos). */
    public Builder waitTimeSeconds(int seconds) {
      this.waitTimeSeconds = seconds;
      return this;
    }

    public Builder execCommand(String command) {
      this.execCommand = command;
      return this;
    }

    public Builder execTimeout(Duration timeout) {
      this.execTimeout = timeout;
      return this;
    }

    /** The address of the health and metrics endpoints; 127.0.0.1 keeps them on this machine. */
    public Builder httpHost(String httpHost) {
      this.httpHost = Objects.requireNonNull(httpHost);
      return this;
    }

    /** The longest {@code parameters.execTimeoutSeconds} a case may ask for. */
    public Builder execMaxTimeout(Duration maxTimeout) {
      this.execMaxTimeout = maxTimeout;
      return this;
    }

    /** Whether exec's program gets the worker's AWS credentials (off unless the target opts in). */
    public Builder execAwsCredentials(boolean awsCredentials) {
      this.execAwsCredentials = awsCredentials;
      return this;
    }

    /** Further variables of the worker's environment that exec's program sees. */
    public Builder execEnvironment(List<String> names) {
      this.execEnvironment = List.copyOf(names);
      return this;
    }

    public Builder openTelemetry(OpenTelemetry openTelemetry) {
      this.openTelemetry = openTelemetry;
      return this;
    }

    public WorkerConfig build() {
      return new WorkerConfig(this);
    }
  }
}
