package io.computecase.local.stack;

import io.computecase.worker.Worker;
import io.computecase.worker.WorkerConfig;
import io.computecase.worker.WorkerCounters;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the kubelet for worker Deployments on the embedded stack: for each Deployment the operator
 * makes for a ComputeTarget it runs as many in-process workers as {@code spec.replicas} says, each
 * configured from the pod template's environment as its container would be, and reports them in the
 * Deployment's status. So {@code kubectl scale deployment} and new ComputeTargets work locally too.
 */
final class InProcessKubelet implements AutoCloseable {
  static final String WORKER_LABEL = "app.kubernetes.io/name";
  static final String WORKER_LABEL_VALUE = "computecase-worker";
  private static final Logger LOG = LoggerFactory.getLogger(InProcessKubelet.class);

  private final KubernetesClient client;

  /** Whether Deployments of exec targets run: their programs would run as this machine's user. */
  private final boolean allowExec;

  private final URI sfnEndpoint;
  private final URI sqsEndpoint;
  private final Map<String, Deque<Worker>> pods = new HashMap<>();
  // One thread applies every change in order, so the informer's thread never waits on a worker.
  private final ExecutorService sync =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "in-process-kubelet");
            t.setDaemon(true);
            return t;
          });
  private final SharedIndexInformer<Deployment> informer;

  InProcessKubelet(KubernetesClient client, URI sfnEndpoint, URI sqsEndpoint, boolean allowExec) {
    this.allowExec = allowExec;
    this.client = client;
    this.sfnEndpoint = sfnEndpoint;
    this.sqsEndpoint = sqsEndpoint;
    this.informer =
        client
            .apps()
            .deployments()
            .inAnyNamespace()
            .withLabel(WORKER_LABEL, WORKER_LABEL_VALUE)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(Deployment deployment) {
                    sync.execute(() -> converge(deployment));
                  }

                  @Override
                  public void onUpdate(Deployment before, Deployment after) {
                    sync.execute(() -> converge(after));
                  }

                  @Override
                  public void onDelete(Deployment deployment, boolean unknownFinalState) {
                    sync.execute(() -> scaleTo(key(deployment), deployment, 0));
                  }
                });
  }

  /** Workers running now for a Deployment, by namespace/name. */
  synchronized int running(String namespace, String name) {
    Deque<Worker> workers = pods.get(namespace + "/" + name);
    return workers == null ? 0 : workers.size();
  }

  /**
   * Kills one running worker of a Deployment without any shutdown, as a crashed pod, and starts its
   * replacement, as the kubelet restarts a crashed container. Returns the killed worker's counters,
   * or nothing when the Deployment runs no worker.
   */
  Optional<WorkerCounters> crashOne(String namespace, String name) {
    CompletableFuture<Optional<WorkerCounters>> crashed = new CompletableFuture<>();
    sync.execute(
        () -> {
          Deque<Worker> workers;
          synchronized (this) {
            workers = pods.get(namespace + "/" + name);
          }
          if (workers == null || workers.isEmpty()) {
            crashed.complete(Optional.empty());
            return;
          }
          Worker victim = workers.removeLast();
          victim.halt();
          Deployment deployment =
              client.apps().deployments().inNamespace(namespace).withName(name).get();
          if (deployment != null) {
            workers.push(Worker.start(configFor(deployment, workers.size())));
          }
          crashed.complete(Optional.of(victim.counters()));
        });
    return crashed.join();
  }

  private void converge(Deployment deployment) {
    Integer replicas = deployment.getSpec().getReplicas();
    int desired = replicas == null ? 1 : replicas;
    boolean refused = !allowExec && runsExec(deployment);
    int running = scaleTo(key(deployment), deployment, refused ? 0 : desired);
    if (refused) {
      LOG.error(
          "Deployment {} runs an exec computation: not started, since its program would run as this"
              + " machine's user; start the stack with up --allow-exec to run it",
          key(deployment));
    }
    try {
      client
          .apps()
          .deployments()
          .inNamespace(deployment.getMetadata().getNamespace())
          .withName(deployment.getMetadata().getName())
          .editStatus(
              d -> {
                d.setStatus(
                    new DeploymentStatusBuilder()
                        .withObservedGeneration(d.getMetadata().getGeneration())
                        .withReplicas(running)
                        .withUpdatedReplicas(running)
                        .withReadyReplicas(running)
                        .withAvailableReplicas(running)
                        // as a real cluster reports pods it cannot create
                        .withConditions(
                            refused
                                ? List.of(
                                    new io.fabric8.kubernetes.api.model.apps
                                            .DeploymentConditionBuilder()
                                        .withType("ReplicaFailure")
                                        .withStatus("True")
                                        .withReason("ExecNotAllowed")
                                        .withMessage(
                                            "computecase-local runs exec computations only when started"
                                                + " with up --allow-exec: their programs run as this"
                                                + " machine's user")
                                        .build())
                                : List.of())
                        .build());
                return d;
              });
    } catch (RuntimeException e) {
      LOG.warn("Cannot record the status of Deployment {}: {}", key(deployment), e.getMessage());
    }
  }

  private int scaleTo(String key, Deployment deployment, int desired) {
    Deque<Worker> workers;
    synchronized (this) {
      workers = pods.computeIfAbsent(key, k -> new ArrayDeque<>());
    }
    while (workers.size() < desired) {
      try {
        workers.push(Worker.start(configFor(deployment, workers.size())));
      } catch (RuntimeException e) {
        // A pod that cannot start stays down, as in CrashLoopBackOff; the status shows fewer ready.
        LOG.error("Worker of Deployment {} cannot start: {}", key, e.getMessage());
        break;
      }
    }
    while (workers.size() > desired) {
      workers.pop().stop(Duration.ofSeconds(10));
    }
    return workers.size();
  }

  /** Seconds of each long poll of an in-process worker unless its Deployment sets them. */
  static final int EMBEDDED_WAIT_TIME_SECONDS = 2;

  /** Long polls per in-process replica unless its Deployment sets COMPUTECASE_POLLERS. */
  static final int EMBEDDED_POLLERS = 2;

  private WorkerConfig configFor(Deployment deployment, int ordinal) {
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    Map<String, String> env = new HashMap<>();
    for (EnvVar var : container.getEnv()) {
      if (var.getValue() != null) {
        env.put(var.getName(), var.getValue());
      }
    }
    // The queue URL names the queue exactly; the target name is then only a label.
    if (env.containsKey("COMPUTECASE_QUEUE_URL")) {
      env.remove("COMPUTECASE_TARGET");
    }
    WorkerConfig.Builder config = WorkerConfig.builderFromEnvironment(env);
    if (!env.containsKey("COMPUTECASE_WAIT_TIME_SECONDS")) {
      // ElasticMQ answers a long poll it could not finish within its own 21 s ask timeout with a
      // 503, hiding the messages it had taken until their visibility timeout: short polls stay
      // clear of that on a loaded machine. And a worker lets its last poll end before it stops,
      // so the poll's length is what an idle stack takes to stop. (On AWS the workers keep SQS's
      // 20 s maximum.) A poll with messages waiting returns at once, whatever its length.
      config.waitTimeSeconds(EMBEDDED_WAIT_TIME_SECONDS);
    }
    if (!env.containsKey("COMPUTECASE_POLLERS")) {
      // Every long poll waiting in ElasticMQ is answered anew on each change to its queue, so on
      // one machine a few polls per replica (each bringing up to ten messages) keep the replicas
      // full at a fraction of the CPU that ten would cost.
      config.pollers(EMBEDDED_POLLERS);
    }
    return config
        .workerId(deployment.getMetadata().getName() + "-" + ordinal)
        .sfnEndpoint(sfnEndpoint)
        .sqsEndpoint(sqsEndpoint)
        .httpPort(0)
        .httpHost("127.0.0.1") // in process: the endpoints stay on this machine
        .build();
  }

  private static boolean runsExec(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
        .flatMap(c -> c.getEnv().stream())
        .anyMatch(
            e -> e.getName().equals("COMPUTECASE_COMPUTATION") && "exec".equals(e.getValue()));
  }

  private static String key(Deployment deployment) {
    return deployment.getMetadata().getNamespace() + "/" + deployment.getMetadata().getName();
  }

  @Override
  public void close() {
    informer.close();
    sync.shutdown();
    try {
      sync.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      // all at once, not as many at a time as there are cores: each waits for its last poll
      List<Thread> stopping = new ArrayList<>();
      pods.values().stream()
          .flatMap(Deque::stream)
          .forEach(
              worker -> {
                Thread thread = new Thread(() -> worker.stop(Duration.ofSeconds(5)), "stop-worker");
                thread.start();
                stopping.add(thread);
              });
      for (Thread thread : stopping) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      pods.clear();
    }
  }
}
