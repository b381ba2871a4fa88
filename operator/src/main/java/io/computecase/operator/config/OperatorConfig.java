package io.computecase.operator.config;

import io.computecase.common.config.EnvironmentVariables;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * How the operator reaches AWS and what it provisions there, read from the environment in a
 * container ({@link #fromEnvironment}) or assembled with {@link #builder()} in process.
 */
public final class OperatorConfig {
  /** The variable naming the staging and results bucket. */
  public static final String S3_BUCKET_VARIABLE = "COMPUTECASE_S3_BUCKET";

  private final String region;
  private final String accountId;
  private final AwsNames awsNames;
  private final String busName;
  private final String stateMachineName;
  private final String stateMachineRoleArn;
  private final Optional<URI> sfnEndpoint;
  private final Optional<URI> eventsEndpoint;
  private final Optional<URI> sqsEndpoint;
  private final Optional<URI> s3Endpoint;
  private final Optional<String> s3Bucket;
  private final Set<String> watchNamespaces;
  private final List<String> targets;
  private final int maxReceiveCount;
  private final int httpPort;
  private final String httpHost;
  private final boolean leaderElection;
  private final String leaseNamespace;
  private final String leaseIdentity;
  private final boolean computeTargets;
  private final Duration leaseDuration;
  private final boolean exitOnLostLease;

  private OperatorConfig(Builder b) {
    this.region = b.region;
    this.accountId = b.accountId;
    this.awsNames = new AwsNames(b.resourcePrefix);
    this.busName = b.busName != null ? b.busName : awsNames.bus();
    this.stateMachineName =
        b.stateMachineName != null ? b.stateMachineName : awsNames.stateMachine();
    this.stateMachineRoleArn =
        b.stateMachineRoleArn != null
            ? b.stateMachineRoleArn
            : "arn:aws:iam::" + b.accountId + ":role/" + awsNames.prefix() + "-state-machine";
    this.sfnEndpoint = Optional.ofNullable(b.sfnEndpoint);
    this.eventsEndpoint = Optional.ofNullable(b.eventsEndpoint);
    this.sqsEndpoint = Optional.ofNullable(b.sqsEndpoint);
    this.s3Endpoint = Optional.ofNullable(b.s3Endpoint);
    this.s3Bucket = Optional.ofNullable(b.s3Bucket).filter(bucket -> !bucket.isBlank());
    this.watchNamespaces = Set.copyOf(b.watchNamespaces);
    this.targets = List.copyOf(b.targets);
    // every name fits AWS's limits before anything is created: refused here, not halfway through
    targets.forEach(awsNames::installWide);
    this.maxReceiveCount = b.maxReceiveCount;
    this.httpPort = b.httpPort;
    this.httpHost = b.httpHost;
    this.leaderElection = b.leaderElection;
    this.leaseNamespace = b.leaseNamespace;
    this.leaseIdentity = b.leaseIdentity;
    this.computeTargets = b.computeTargets;
    this.leaseDuration = b.leaseDuration;
    this.exitOnLostLease = b.exitOnLostLease;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's values, to change a few of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.region = region;
    b.accountId = accountId;
    b.resourcePrefix = awsNames.prefix();
    b.busName = busName;
    b.stateMachineName = stateMachineName;
    b.stateMachineRoleArn = stateMachineRoleArn;
    b.sfnEndpoint = sfnEndpoint.orElse(null);
    b.eventsEndpoint = eventsEndpoint.orElse(null);
    b.sqsEndpoint = sqsEndpoint.orElse(null);
    b.s3Endpoint = s3Endpoint.orElse(null);
    b.s3Bucket = s3Bucket.orElse(null);
    b.watchNamespaces = watchNamespaces;
    b.targets = targets;
    b.maxReceiveCount = maxReceiveCount;
    b.httpPort = httpPort;
    b.httpHost = httpHost;
    b.leaderElection = leaderElection;
    b.leaseNamespace = leaseNamespace;
    b.leaseIdentity = leaseIdentity;
    b.computeTargets = computeTargets;
    b.leaseDuration = leaseDuration;
    b.exitOnLostLease = exitOnLostLease;
    return b;
  }

  /**
   * Reads the variables documented for the operator container; absent or blank ones take defaults,
   * and a malformed one is refused with the text the worker gives for the same mistake.
   */
  public static OperatorConfig fromEnvironment(Map<String, String> env) {
    EnvironmentVariables read = EnvironmentVariables.of(env);
    Builder b = builder();
    read.string("AWS_REGION").or(() -> read.string("AWS_DEFAULT_REGION")).ifPresent(b::region);
    read.string("COMPUTECASE_ACCOUNT_ID").ifPresent(b::accountId);
    read.string("COMPUTECASE_RESOURCE_PREFIX").ifPresent(b::resourcePrefix);
    read.string("COMPUTECASE_BUS_NAME").ifPresent(b::busName);
    read.string("COMPUTECASE_STATE_MACHINE_NAME").ifPresent(b::stateMachineName);
    read.string("COMPUTECASE_STATE_MACHINE_ROLE_ARN").ifPresent(b::stateMachineRoleArn);
    read.endpoint("COMPUTECASE_SFN_ENDPOINT").ifPresent(b::sfnEndpoint);
    read.endpoint("COMPUTECASE_EVENTS_ENDPOINT").ifPresent(b::eventsEndpoint);
    read.endpoint("COMPUTECASE_SQS_ENDPOINT").ifPresent(b::sqsEndpoint);
    read.endpoint("COMPUTECASE_S3_ENDPOINT").ifPresent(b::s3Endpoint);
    read.commaList("COMPUTECASE_WATCH_NAMESPACES").ifPresent(b::watchNamespaces);
    read.commaList("COMPUTECASE_TARGETS").ifPresent(b::targets);
    read.positiveInt("COMPUTECASE_MAX_RECEIVE_COUNT").ifPresent(b::maxReceiveCount);
    read.port("COMPUTECASE_HTTP_PORT").ifPresent(b::httpPort);
    read.string("COMPUTECASE_HTTP_HOST").ifPresent(b::httpHost);
    read.bool("COMPUTECASE_LEADER_ELECTION").ifPresent(b::leaderElection);
    read.string("POD_NAMESPACE").ifPresent(b::leaseNamespace);
    read.string("POD_NAME").ifPresent(b::leaseIdentity);
    read.seconds("COMPUTECASE_LEASE_DURATION_SECONDS").ifPresent(b::leaseDuration);
    // A container's replica that loses its Lease exits, so two leaders never write at once; the
    // Deployment starts it again as a follower.
    b.exitOnLostLease(true);
    read.bool("COMPUTECASE_COMPUTE_TARGETS").ifPresent(b::computeTargets);
    read.string(S3_BUCKET_VARIABLE).ifPresent(b::s3Bucket);
    OperatorConfig config = b.build();
    // last, so that a malformed value is named before a missing one
    if (config.s3Bucket().isEmpty()) {
      throw new IllegalArgumentException(missingBucket());
    }
    return config;
  }

  public String region() {
    return region;
  }

  public String accountId() {
    return accountId;
  }

  /** The names of everything this install creates in AWS, all beginning with its prefix. */
  public AwsNames awsNames() {
    return awsNames;
  }

  /** The install's event bus: the prefix, unless named otherwise. */
  public String busName() {
    return busName;
  }

  public String stateMachineName() {
    return stateMachineName;
  }

  public String stateMachineRoleArn() {
    return stateMachineRoleArn;
  }

  public Optional<URI> sfnEndpoint() {
    return sfnEndpoint;
  }

  public Optional<URI> eventsEndpoint() {
    return eventsEndpoint;
  }

  public Optional<URI> sqsEndpoint() {
    return sqsEndpoint;
  }

  public Optional<URI> s3Endpoint() {
    return s3Endpoint;
  }

  /**
   * The bucket where cases' items are staged ({@code cases/}) and their Map Runs' results written
   * ({@code results/}); the operator refuses to start without one.
   */
  public Optional<String> s3Bucket() {
    return s3Bucket;
  }

  /** The bucket, or the refusal a platform team can act on. */
  public String requireS3Bucket() {
    return s3Bucket.orElseThrow(() -> new IllegalStateException(missingBucket()));
  }

  static String missingBucket() {
    return S3_BUCKET_VARIABLE
        + " is not set: set it to the S3 bucket where the operator stages each case's items and"
        + " Step Functions writes their results (the CloudFormation stack's output ResultsBucket;"
        + " Helm value aws.s3.bucket; in process OperatorConfig.Builder.s3Bucket)";
  }

  /** Namespaces whose ComputeCases are served; empty means all. */
  public Set<String> watchNamespaces() {
    return watchNamespaces;
  }

  /**
   * Targets of the whole install, provisioned at start (queue, dead-letter queue, rule), whose
   * workers someone else runs (the chart's Deployment mode); cases of every namespace may name
   * them. None by default.
   */
  public List<String> targets() {
    return targets;
  }

  public int maxReceiveCount() {
    return maxReceiveCount;
  }

  public int httpPort() {
    return httpPort;
  }

  /** The address /healthz, /readyz and /metrics listen on: every interface in a pod. */
  public String httpHost() {
    return httpHost;
  }

  public boolean leaderElection() {
    return leaderElection;
  }

  public String leaseNamespace() {
    return leaseNamespace;
  }

  /** This replica's name in the Lease; unique per replica. */
  public String leaseIdentity() {
    return leaseIdentity;
  }

  /** Whether ComputeTarget resources are reconciled (their CRD must then be installed). */
  public boolean computeTargets() {
    return computeTargets;
  }

  public Duration leaseDuration() {
    return leaseDuration;
  }

  /** Whether the process exits when this replica loses its Lease (in a container: yes). */
  public boolean exitOnLostLease() {
    return exitOnLostLease;
  }

  /** Assembles a configuration; every value has the documented default. */
  public static final class Builder {
    private String region = "us-east-1";
    private String accountId = "000000000000";
    private String resourcePrefix = AwsNames.DEFAULT_PREFIX;
    private String busName;
    private String stateMachineName;
    private String stateMachineRoleArn;
    private URI sfnEndpoint;
    private URI eventsEndpoint;
    private URI sqsEndpoint;
    private URI s3Endpoint;
    private String s3Bucket;
    private Set<String> watchNamespaces = Set.of();
    // none: in a cluster, targets are ComputeTargets of each namespace unless configured
    private List<String> targets = List.of();
    private int maxReceiveCount = 5;
    private int httpPort = 8080;
    private String httpHost = "0.0.0.0";
    private boolean leaderElection;
    private String leaseNamespace = "default";
    private String leaseIdentity =
        "computecase-operator-" + UUID.randomUUID().toString().substring(0, 8);
    private Duration leaseDuration = Duration.ofSeconds(15);
    private boolean computeTargets = true;
    private boolean exitOnLostLease;

    public Builder region(String region) {
      this.region = Objects.requireNonNull(region);
      return this;
    }

    public Builder accountId(String accountId) {
      this.accountId = Objects.requireNonNull(accountId);
      return this;
    }

    /** Begins every AWS name of this install; two installs in one account need two prefixes. */
    public Builder resourcePrefix(String resourcePrefix) {
      this.resourcePrefix = Objects.requireNonNull(resourcePrefix);
      return this;
    }

    public Builder busName(String busName) {
      this.busName = Objects.requireNonNull(busName);
      return this;
    }

    public Builder stateMachineName(String stateMachineName) {
      this.stateMachineName = Objects.requireNonNull(stateMachineName);
      return this;
    }

    public Builder stateMachineRoleArn(String stateMachineRoleArn) {
      this.stateMachineRoleArn = stateMachineRoleArn;
      return this;
    }

    public Builder sfnEndpoint(URI sfnEndpoint) {
      this.sfnEndpoint = sfnEndpoint;
      return this;
    }

    public Builder eventsEndpoint(URI eventsEndpoint) {
      this.eventsEndpoint = eventsEndpoint;
      return this;
    }

    public Builder sqsEndpoint(URI sqsEndpoint) {
      this.sqsEndpoint = sqsEndpoint;
      return this;
    }

    /** An S3 endpoint override (a local S3); the client then uses path-style addressing. */
    public Builder s3Endpoint(URI s3Endpoint) {
      this.s3Endpoint = s3Endpoint;
      return this;
    }

    /** The bucket for staged items ({@code cases/}) and results ({@code results/}). */
    public Builder s3Bucket(String s3Bucket) {
      this.s3Bucket = s3Bucket;
      return this;
    }

    public Builder watchNamespaces(Collection<String> namespaces) {
      this.watchNamespaces = Set.copyOf(namespaces);
      return this;
    }

    public Builder targets(List<String> targets) {
      this.targets = List.copyOf(targets);
      return this;
    }

    public Builder maxReceiveCount(int maxReceiveCount) {
      this.maxReceiveCount = maxReceiveCount;
      return this;
    }

    /** Port of /healthz, /readyz and /metrics; 0 takes any free port, -1 serves none. */
    public Builder httpPort(int httpPort) {
      this.httpPort = httpPort;
      return this;
    }

    /** The address of the health and metrics endpoints; 127.0.0.1 keeps them on this machine. */
    public Builder httpHost(String httpHost) {
      this.httpHost = Objects.requireNonNull(httpHost);
      return this;
    }

    public Builder leaderElection(boolean leaderElection) {
      this.leaderElection = leaderElection;
      return this;
    }

    public Builder leaseNamespace(String leaseNamespace) {
      this.leaseNamespace = Objects.requireNonNull(leaseNamespace);
      return this;
    }

    public Builder leaseIdentity(String leaseIdentity) {
      this.leaseIdentity = Objects.requireNonNull(leaseIdentity);
      return this;
    }

    /** How long a leader's Lease holds without renewal before another replica takes over. */
    public Builder leaseDuration(Duration leaseDuration) {
      this.leaseDuration = Objects.requireNonNull(leaseDuration);
      return this;
    }

    /**
     * Exit the process when the Lease is lost (a pod then restarts as a follower); in process, only
     * reconciling stops.
     */
    public Builder exitOnLostLease(boolean exitOnLostLease) {
      this.exitOnLostLease = exitOnLostLease;
      return this;
    }

    public Builder computeTargets(boolean computeTargets) {
      this.computeTargets = computeTargets;
      return this;
    }

    public OperatorConfig build() {
      return new OperatorConfig(this);
    }
  }
}
