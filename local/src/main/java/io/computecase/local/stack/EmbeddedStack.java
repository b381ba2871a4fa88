package io.computecase.local.stack;

import io.computecase.local.kube.EmbeddedKubernetes;
import io.computecase.local.s3.EmbeddedS3;
import io.computecase.operator.ComputeCaseOperator;
import io.computecase.operator.config.OperatorConfig;
import io.computecase.operator.target.WorkerDeployment;
import io.computecase.worker.WorkerCounters;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * The whole product on one machine: the local AWS services, a Kubernetes API server, the operator,
 * and the workers of every ComputeTarget's Deployment (the default target's among them), all in
 * this JVM and all talking over the real wire protocols, exactly as on a cluster with real AWS.
 * Given a kubeconfig, it uses that cluster's API server instead of the embedded one.
 */
public final class EmbeddedStack implements AutoCloseable {
  public static final String REGION = EmbeddedAws.REGION;

  /** The bucket the operator stages items in and the Distributed Map writes results to. */
  public static final String BUCKET = "computecase";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStack.class);
  private static final String LOOPBACK = "127.0.0.1";

  private final EmbeddedAws aws;
  private final EmbeddedKubernetes kubernetes; // null on an existing API server
  private final KubernetesClient client;
  private final OperatorConfig operatorConfig;
  private final int workers;
  private final int workerConcurrency;
  private volatile ComputeCaseOperator operator;
  private final InProcessKubelet kubelet;
  private final DataDirLock dataDirLock; // null without a data directory

  private EmbeddedStack(Builder builder) {
    // Each piece is closed again, newest first, when a later one fails to start (a port taken,
    // the CRDs not established): a failed start leaves no lock, server or thread behind.
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      KubernetesClient existing =
          builder.kubeconfig == null ? null : opened(opened, clientFor(builder.kubeconfig));
      // before anything opens a file in it: a second stack on the folder stops here, naming the
      // first
      this.dataDirLock =
          builder.dataDir == null ? null : opened(opened, DataDirLock.take(builder.dataDir));
      this.aws =
          opened(
              opened,
              EmbeddedAws.start(
                  builder.awsBasePort,
                  builder.dataDir == null ? null : builder.dataDir.resolve("aws")));
      aws.stepFunctions().engine().retainClosed(builder.executionRetention, builder.executionsKept);
      if (builder.kubeconfig == null) {
        EmbeddedKubernetes.Builder kube = EmbeddedKubernetes.builder().port(builder.kubernetesPort);
        if (builder.dataDir != null) {
          kube.dataDir(builder.dataDir.resolve("kubernetes"));
        }
        this.kubernetes = opened(opened, kube.build());
        this.client = kubernetes.client();
      } else {
        this.kubernetes = null;
        this.client = existing;
      }
      CustomResourceDefinitions.apply(client);
      createBucket(aws.s3Endpoint());
      this.operatorConfig =
          OperatorConfig.builder()
              .region(REGION)
              .sfnEndpoint(aws.stepFunctionsEndpoint())
              .eventsEndpoint(aws.eventsEndpoint())
              .sqsEndpoint(aws.sqsEndpoint())
              .s3Endpoint(aws.s3Endpoint())
              .s3Bucket(BUCKET)
              .httpPort(0)
              // one machine: nothing outside it reaches the operator's endpoints
              .httpHost(LOOPBACK)
              .build();
      this.operator =
          builder.runOperator
              ? opened(opened, ComputeCaseOperator.start(client, operatorConfig))
              : null;
      this.kubelet =
          opened(
              opened,
              new InProcessKubelet(
                  client, aws.stepFunctionsEndpoint(), aws.sqsEndpoint(), builder.allowExec));
      this.workers = builder.workers;
      this.workerConcurrency = builder.workerConcurrency;
      applyDefaultTarget(DefaultTarget.NAMESPACE);
    } catch (RuntimeException | Error e) {
      while (!opened.isEmpty()) {
        try {
          opened.pop().close();
        } catch (Exception closing) {
          e.addSuppressed(closing);
        }
      }
      throw e;
    }
  }

  /** The operator's bucket, as the CloudFormation stack makes it on AWS; kept across restarts. */
  private static void createBucket(URI s3Endpoint) {
    try (S3Client s3 = EmbeddedS3.clientFor(s3Endpoint)) {
      try {
        s3.headBucket(r -> r.bucket(BUCKET));
      } catch (NoSuchBucketException absent) {
        s3.createBucket(r -> r.bucket(BUCKET));
      }
    }
  }

  private static <T extends AutoCloseable> T opened(Deque<AutoCloseable> opened, T piece) {
    opened.push(piece);
    return piece;
  }

  private static KubernetesClient clientFor(Path kubeconfig) {
    String contents;
    try {
      contents = Files.readString(kubeconfig);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the kubeconfig " + kubeconfig + ": " + e.getMessage(), e);
    }
    // one HTTP stack on purpose: several are on the classpath and fabric8 would pick at random
    return new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(null, contents, kubeconfig.toString()))
        .withHttpClientFactory(new VertxHttpClientFactory())
        .build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public EmbeddedAws aws() {
    return aws;
  }

  /** The embedded API server; empty when the stack runs against an existing one. */
  public Optional<EmbeddedKubernetes> embeddedKubernetes() {
    return Optional.ofNullable(kubernetes);
  }

  /** The embedded API server; fails when the stack runs against an existing one. */
  public EmbeddedKubernetes kubernetes() {
    return embeddedKubernetes()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "this stack uses an existing API server: " + client.getMasterUrl()));
  }

  /** The API server's base URL, embedded or not. */
  public String kubernetesUrl() {
    return client.getMasterUrl().toString();
  }

  public KubernetesClient client() {
    return client;
  }

  /** The operator of this stack; fails when it runs elsewhere ({@link Builder#runOperator}). */
  public ComputeCaseOperator operator() {
    if (operator == null) {
      throw new IllegalStateException("this stack runs no operator of its own");
    }
    return operator;
  }

  /** Crashes one worker of a target's Deployment and starts its replacement (chaos testing). */
  public Optional<WorkerCounters> crashWorker(String target) {
    return kubelet.crashOne(DefaultTarget.NAMESPACE, WorkerDeployment.name(target));
  }

  /** Stops the operator and starts a new one, as a pod restart would; cases must carry on. */
  public void restartOperator() {
    operator().stop();
    operator = ComputeCaseOperator.start(client, operatorConfig);
  }

  /** Workers running now for a ComputeTarget's Deployment in the default namespace. */
  public int runningWorkers(String target) {
    return runningWorkers(DefaultTarget.NAMESPACE, target);
  }

  /** Workers running now for a ComputeTarget's Deployment in a namespace. */
  public int runningWorkers(String namespace, String target) {
    return kubelet.running(namespace, WorkerDeployment.name(target));
  }

  /**
   * Applies the ComputeTarget {@code default} (the stack's workers and concurrency) in a namespace,
   * so that cases there may name it: a case sees only its own namespace's targets. The stack does
   * so in {@code default} when it starts.
   */
  public void applyDefaultTarget(String namespace) {
    DefaultTarget.apply(client, namespace, workers, workerConcurrency);
  }

  @Override
  public void close() {
    long started = System.nanoTime();
    long[] marks = new long[4];
    if (operator != null) {
      operator.stop();
    }
    marks[0] = System.nanoTime();
    kubelet.close();
    marks[1] = System.nanoTime();
    if (kubernetes != null) {
      kubernetes.close();
    } else {
      client.close();
    }
    marks[2] = System.nanoTime();
    aws.close();
    marks[3] = System.nanoTime();
    if (dataDirLock != null) {
      dataDirLock.close();
    }
    LOG.info(
        "Stopped in {} ms: operator {}, workers {}, Kubernetes {}, AWS {}",
        (marks[3] - started) / 1_000_000,
        (marks[0] - started) / 1_000_000,
        (marks[1] - marks[0]) / 1_000_000,
        (marks[2] - marks[1]) / 1_000_000,
        (marks[3] - marks[2]) / 1_000_000);
  }

  /** Chooses ports, worker count and concurrency; defaults suit a laptop demo. */
  public static final class Builder {
    private int awsBasePort;
    private int kubernetesPort;
    private int workers = 2;
    private int workerConcurrency = 100;
    private Path dataDir;
    private Path kubeconfig;
    private boolean runOperator = true;
    private boolean allowExec;
    private Duration executionRetention = Duration.ofDays(90);
    private int executionsKept = 1_000;

    /**
     * Closed executions are kept this long (AWS: 90 days) and at most {@code perStateMachine} of
     * each state machine (default 1,000), with their Map Runs and children, so a long-running stack
     * does not grow without end.
     */
    public Builder executionRetention(Duration age, int perStateMachine) {
      this.executionRetention = age;
      this.executionsKept = perStateMachine;
      return this;
    }

    public Builder awsBasePort(int port) {
      this.awsBasePort = port;
      return this;
    }

    public Builder kubernetesPort(int port) {
      this.kubernetesPort = port;
      return this;
    }

    public Builder workers(int workers) {
      if (workers < 0) {
        throw new IllegalArgumentException("--workers must be 0 or more, got " + workers);
      }
      this.workers = workers;
      return this;
    }

    public Builder workerConcurrency(int concurrency) {
      if (concurrency < 1) {
        throw new IllegalArgumentException(
            "--worker-concurrency must be at least 1, got " + concurrency);
      }
      this.workerConcurrency = concurrency;
      return this;
    }

    /**
     * Keeps everything in this folder across restarts: Kubernetes resources, state machines,
     * executions and waiting task tokens, buses and rules, queues and their messages, and the AWS
     * ports (so stored queue URLs still work); absent, everything lives in memory.
     */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    /**
     * Uses the API server this kubeconfig's current context names instead of starting one; the
     * stack installs or updates the CRDs there and runs the workers of its Deployments itself.
     */
    public Builder kubeconfig(Path kubeconfig) {
      this.kubeconfig = kubeconfig;
      return this;
    }

    /**
     * Whether the stack runs the operator in this JVM (the default); without it, operators started
     * elsewhere (the operator jar, replicas with leader election) reconcile its cases, given the
     * endpoints of {@link EmbeddedStack#aws()}.
     */
    public Builder runOperator(boolean runOperator) {
      this.runOperator = runOperator;
      return this;
    }

    /**
     * Whether worker Deployments of exec targets run here. Off by default: anyone who can create a
     * ComputeTarget could otherwise run a program as this machine's user.
     */
    public Builder allowExec(boolean allowExec) {
      this.allowExec = allowExec;
      return this;
    }

    public EmbeddedStack start() {
      return new EmbeddedStack(this);
    }
  }
}
