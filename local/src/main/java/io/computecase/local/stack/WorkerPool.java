package io.computecase.local.stack;

import io.computecase.worker.Worker;
import io.computecase.worker.WorkerConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker replicas of one compute target, run in this JVM as the Deployment's pods would run
 * on a cluster: each its own SQS and Step Functions clients, pollers and concurrency.
 */
public final class WorkerPool implements AutoCloseable {
  private final String target;
  private final List<Worker> workers = new ArrayList<>();

  private WorkerPool(String target) {
    this.target = target;
  }

  /** Starts {@code replicas} workers on the queue of {@code target}. */
  public static WorkerPool start(
      String target, int replicas, int concurrency, URI sfnEndpoint, URI sqsEndpoint, String region) {
    WorkerPool pool = new WorkerPool(target);
    for (int i = 0; i < replicas; i++) {
      pool.workers.add(
          Worker.start(
              WorkerConfig.builder()
                  .target(target)
                  .concurrency(concurrency)
                  .workerId(target + "-worker-" + i)
                  .region(region)
                  .sfnEndpoint(sfnEndpoint)
                  .sqsEndpoint(sqsEndpoint)
                  .httpPort(0)
                  .build()));
    }
    return pool;
  }

  public String target() {
    return target;
  }

  public List<Worker> workers() {
    return List.copyOf(workers);
  }

  @Override
  public void close() {
    workers.parallelStream().forEach(w -> w.stop(Duration.ofSeconds(5)));
  }
}
