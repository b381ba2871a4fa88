package io.computecase.operator;

import io.computecase.common.health.HealthAndMetricsServer;
import io.computecase.common.threads.DaemonThreads;
import io.computecase.operator.aws.AwsClients;
import io.computecase.operator.aws.ComputingInfrastructure;
import io.computecase.operator.aws.ProvisionedInfrastructure;
import io.computecase.operator.config.OperatorConfig;
import io.computecase.operator.execution.CaseItems;
import io.computecase.operator.execution.ExecutionNames;
import io.computecase.operator.execution.ExecutionRedriver;
import io.computecase.operator.execution.ExecutionStarter;
import io.computecase.operator.execution.ExecutionStopper;
import io.computecase.operator.execution.ItemStaging;
import io.computecase.operator.execution.S3ItemsPreflight;
import io.computecase.operator.http.OperatorMetrics;
import io.computecase.operator.http.OperatorProbes;
import io.computecase.operator.observer.ExecutionObserver;
import io.computecase.operator.observer.ResultFiles;
import io.computecase.operator.observer.SummaryCollector;
import io.computecase.operator.reconciler.CaseServices;
import io.computecase.operator.reconciler.ComputeCaseReconciler;
import io.computecase.operator.status.CaseEvents;
import io.computecase.operator.status.ComputeCaseStatusRecorder;
import io.computecase.operator.status.StatusWritePacer;
import io.computecase.operator.target.CaseRoutes;
import io.computecase.operator.target.ComputeTargetReconciler;
import io.computecase.operator.target.KedaScaling;
import io.computecase.operator.target.WorkerDeployment;
import io.computecase.operator.tracing.CaseTracing;
import io.computecase.operator.validation.ComputeCaseValidator;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: provisions the AWS side, wires the reconciler by hand and runs it with
 * JOSDK on the given Kubernetes client, plus the health and metrics endpoints.
 */
public final class ComputeCaseOperator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ComputeCaseOperator.class);

  private final Operator operator;
  private final AwsClients aws;
  private final ProvisionedInfrastructure infrastructure;
  private final OperatorMetrics metrics;
  private final Optional<HealthAndMetricsServer> health;
  private final AtomicBoolean stopped;

  private ComputeCaseOperator(
      Operator operator,
      AwsClients aws,
      ProvisionedInfrastructure infrastructure,
      OperatorMetrics metrics,
      Optional<HealthAndMetricsServer> health,
      AtomicBoolean stopped) {
    this.stopped = stopped;
    this.operator = operator;
    this.aws = aws;
    this.infrastructure = infrastructure;
    this.metrics = metrics;
    this.health = health;
  }

  /** Provisions (idempotently), then reconciles ComputeCases until {@link #stop()}. */
  public static ComputeCaseOperator start(KubernetesClient client, OperatorConfig config) {
    return start(client, config, GlobalOpenTelemetry.get());
  }

  /** As {@link #start(KubernetesClient, OperatorConfig)}, tracing with the given OpenTelemetry. */
  public static ComputeCaseOperator start(
      KubernetesClient client, OperatorConfig config, OpenTelemetry openTelemetry) {
    config.requireS3Bucket(); // refused before anything is provisioned
    AwsClients aws = AwsClients.create(config);
    try {
      ProvisionedInfrastructure infrastructure =
          new ComputingInfrastructure(aws, config).provision();
      Clock clock = Clock.systemUTC();
      OperatorMetrics metrics = new OperatorMetrics();
      CaseRoutes routes = new CaseRoutes(client, infrastructure.targets().keySet());
      CaseServices services =
          new CaseServices(
              client,
              clock,
              config.busName(),
              routes,
              new ExecutionNames(infrastructure.stateMachineArns()),
              new ComputeCaseValidator(namespace -> routes.in(namespace).keySet()),
              new CaseItems(client, new S3ItemsPreflight(aws.s3())),
              new ItemStaging(aws.s3(), config.requireS3Bucket()),
              new ExecutionStarter(aws.sfn()),
              new ExecutionStopper(aws.sfn()),
              new ExecutionRedriver(aws.sfn()),
              new CaseTracing(openTelemetry),
              new ExecutionObserver(aws.sfn()),
              new SummaryCollector(aws.sfn(), new ResultFiles(aws.s3())),
              new ComputeCaseStatusRecorder(clock),
              new CaseEvents(client, clock),
              new StatusWritePacer(clock),
              metrics);
      AtomicBoolean stopped = new AtomicBoolean();
      AtomicReference<ComputeCaseOperator> running = new AtomicReference<>();
      Operator operator =
          new Operator(
              o -> {
                o.withKubernetesClient(client)
                    // JOSDK's own reconcile, event and retry metrics, on the same /metrics; not
                    // per resource, so a million cases do not make a million series
                    .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(metrics.registry()))
                    .withUseSSAToPatchPrimaryResource(false)
                    .withCloseClientOnStop(false);
                if (config.leaderElection()) {
                  Duration lease = config.leaseDuration();
                  o.withLeaderElectionConfiguration(
                      new LeaderElectionConfiguration(
                          "computecase-operator",
                          config.leaseNamespace(),
                          lease,
                          lease.multipliedBy(2).dividedBy(3),
                          lease.dividedBy(6),
                          config.leaseIdentity(),
                          new LeaderCallbacks(
                              () -> {}, () -> lostLease(config, stopped, running), leader -> {}),
                          // not JOSDK's exit: it calls System.exit from the thread that stops
                          // it, a shutdown hook on SIGTERM, where System.exit blocks for ever
                          false));
                }
              });
      operator.register(
          new ComputeCaseReconciler(services),
          c -> {
            if (!config.watchNamespaces().isEmpty()) {
              c.settingNamespaces(config.watchNamespaces());
            }
          });
      if (config.computeTargets()) {
        ComputingInfrastructure provisioning = new ComputingInfrastructure(aws, config);
        operator.register(
            new ComputeTargetReconciler(
                client,
                provisioning.routing(),
                new WorkerDeployment(config),
                new KedaScaling(client, config),
                clock),
            c -> {
              if (!config.watchNamespaces().isEmpty()) {
                c.settingNamespaces(config.watchNamespaces());
              }
            });
      }
      // Served before JOSDK starts: a port in use fails before anything reconciles, and /readyz
      // answers 503 until the informers run.
      Optional<HealthAndMetricsServer> health =
          config.httpPort() < 0
              ? Optional.empty()
              : Optional.of(
                  HealthAndMetricsServer.start(
                      config.httpHost(),
                      config.httpPort(),
                      metrics.registry().getPrometheusRegistry(),
                      OperatorProbes.liveness(),
                      OperatorProbes.readiness(operator.getRuntimeInfo(), stopped::get)));
      try {
        operator.start();
      } catch (RuntimeException e) {
        health.ifPresent(HealthAndMetricsServer::close);
        throw e;
      }
      LOG.info("ComputeCase operator started (state machine {})", infrastructure.stateMachineArn());
      ComputeCaseOperator started =
          new ComputeCaseOperator(operator, aws, infrastructure, metrics, health, stopped);
      running.set(started);
      return started;
    } catch (RuntimeException e) {
      aws.close();
      throw e;
    }
  }

  /**
   * This replica lost its Lease without being told to stop (it stalled, or lost the API server for
   * longer than the renew deadline): another replica may lead now, so it must not write once more.
   * A container's process exits (its Deployment starts it again as a follower); in process, the
   * operator stops reconciling.
   */
  private static void lostLease(
      OperatorConfig config, AtomicBoolean stopped, AtomicReference<ComputeCaseOperator> running) {
    if (stopped.get()) {
      return; // our own stop gives the Lease up
    }
    LOG.error(
        "Lost the Lease {} as {}: another replica leads now; {}",
        "computecase-operator",
        config.leaseIdentity(),
        config.exitOnLostLease() ? "exiting with status 1" : "stopping reconciliation");
    // from another thread: this one is the leader elector's, which stopping waits for
    new DaemonThreads("computecase-lost-lease")
        .start(
            () -> {
              if (config.exitOnLostLease()) {
                System.exit(1);
              } else {
                Optional.ofNullable(running.get()).ifPresent(ComputeCaseOperator::stop);
              }
            });
  }

  /** The state machine every case runs. */
  public String stateMachineArn() {
    return infrastructure.stateMachineArn();
  }

  public ProvisionedInfrastructure infrastructure() {
    return infrastructure;
  }

  public OperatorMetrics metrics() {
    return metrics;
  }

  /** The port of /healthz, /readyz and /metrics, when served. */
  public Optional<Integer> httpPort() {
    return health.map(HealthAndMetricsServer::port);
  }

  /** Stops reconciling; executions keep running in AWS and are found again on the next start. */
  public void stop() {
    if (stopped.compareAndSet(false, true)) {
      health.ifPresent(HealthAndMetricsServer::close);
      operator.stop();
      aws.close();
    }
  }

  @Override
  public void close() {
    stop();
  }
}
