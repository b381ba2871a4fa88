package io.computecase.local.stack;

import io.computecase.local.kube.EmbeddedKubernetes;
import io.computecase.operator.ComputeCaseOperator;
import io.computecase.operator.config.OperatorConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;

/**
 * The whole product on one machine: the local AWS services, a Kubernetes API server, the operator,
 * and the workers of every ComputeTarget's Deployment (the default target's among them), all in
 * this JVM and all talking over the real wire protocols, exactly as on a cluster with real AWS.
 */
public final class EmbeddedStack implements AutoCloseable {
  public static final String REGION = EmbeddedAws.REGION;

  private final EmbeddedAws aws;
  private final EmbeddedKubernetes kubernetes;
  private final OperatorConfig operatorConfig;
  private volatile ComputeCaseOperator operator;
  private final InProcessKubelet kubelet;

  private EmbeddedStack(Builder builder) {
    this.aws =
        EmbeddedAws.start(
            builder.awsBasePort, builder.dataDir == null ? null : builder.dataDir.resolve("aws"));
    EmbeddedKubernetes.Builder kube = EmbeddedKubernetes.builder().port(builder.kubernetesPort);
    if (builder.dataDir != null) {
      kube.dataDir(builder.dataDir.resolve("kubernetes"));
    }
    this.kubernetes = kube.build();
    CustomResourceDefinitions.apply(kubernetes.client());
    this.operatorConfig =
        OperatorConfig.builder()
            .region(REGION)
            .sfnEndpoint(aws.stepFunctionsEndpoint())
            .eventsEndpoint(aws.eventsEndpoint())
            .sqsEndpoint(aws.sqsEndpoint())
            .httpPort(0)
            .build();
    this.operator = ComputeCaseOperator.start(kubernetes.client(), operatorConfig);
    this.kubelet = new InProcessKubelet(kubernetes.client(), aws.stepFunctionsEndpoint(), aws.sqsEndpoint());
    DefaultTarget.apply(kubernetes.client(), builder.workers, builder.workerConcurrency);
  }

  public static Builder builder() {
    return new Builder();
  }

  public EmbeddedAws aws() {
    return aws;
  }

  public EmbeddedKubernetes kubernetes() {
    return kubernetes;
  }

  public KubernetesClient client() {
    return kubernetes.client();
  }

  public ComputeCaseOperator operator() {
    return operator;
  }

  /** Crashes one worker of a target's Deployment and starts its replacement (chaos testing). */
  public java.util.Optional<io.computecase.worker.WorkerCounters> crashWorker(String target) {
    return kubelet.crashOne(DefaultTarget.NAMESPACE, io.computecase.operator.target.WorkerDeployment.name(target));
  }

  /** Stops the operator and starts a new one, as a pod restart would; cases must carry on. */
  public void restartOperator() {
    operator.stop();
    operator = ComputeCaseOperator.start(kubernetes.client(), operatorConfig);
  }

  /** Workers running now for a ComputeTarget's Deployment in the default namespace. */
  public int runningWorkers(String target) {
    return kubelet.running(DefaultTarget.NAMESPACE, io.computecase.operator.target.WorkerDeployment.name(target));
  }

  @Override
  public void close() {
    operator.stop();
    kubelet.close();
    kubernetes.close();
    aws.close();
  }

  /** Chooses ports, worker count and concurrency; defaults suit a laptop demo. */
  public static final class Builder {
    private int awsBasePort;
    private int kubernetesPort;
    private int workers = 2;
    private int workerConcurrency = 100;
    private Path dataDir;

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
        throw new IllegalArgumentException("--worker-concurrency must be at least 1, got " + concurrency);
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

    public EmbeddedStack start() {
      return new EmbeddedStack(this);
    }
  }
}
