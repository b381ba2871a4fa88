package io.computecase.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.computecase.common.health.HealthAndMetricsServer;
import io.computecase.common.health.HealthCheck;
import io.computecase.common.health.HealthChecks;
import io.computecase.worker.aws.AwsClients;
import io.computecase.worker.computation.Computation;
import io.computecase.worker.computation.ComputationCatalog;
import io.computecase.worker.computation.ComputationEnvironment;
import io.computecase.worker.delivery.ItemPipeline;
import io.computecase.worker.delivery.ItemTracing;
import io.computecase.worker.delivery.PipelineParts;
import io.computecase.worker.delivery.QueueMessages;
import io.computecase.worker.delivery.QueuePollers;
import io.computecase.worker.delivery.TaskAnswers;
import io.computecase.worker.observability.WorkerMetrics;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A running ComputeCase worker: takes items from its compute target's queue, computes them and
 * answers their task tokens. Start one with {@link #start(WorkerConfig)}; several may run in one
 * JVM and share their threads. {@link #stop(Duration)} is the graceful shutdown of SIGTERM.
 */
public final class Worker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String POLLER_ENDED = "a poller thread has ended";

  private final WorkerConfig config;
  private final String queueUrl;
  private final SharedExecutors executors;
  private final SqsClient sqs;
  private final SfnClient sfn;
  private final WorkerMetrics metrics = new WorkerMetrics();
  private final QueueMessages messages;
  private final ItemPipeline pipeline;
  private final QueuePollers pollers;
  private final HealthChecks liveness;
  private final HealthChecks readiness;
  private final HealthAndMetricsServer http;
  private volatile boolean stopping;
  private boolean stopped;

  private Worker(WorkerConfig config, Computation computation) {
    this.config = config;
    int pollerCount = config.pollers();
    this.executors = SharedExecutors.acquire();
    this.sqs =
        AwsClients.sqs(config.region(), config.sqsEndpoint(), executors.callbackThreads() + 4);
    this.sfn =
        AwsClients.stepFunctions(
            config.region(), config.sfnEndpoint(), executors.callbackThreads() + 4);
    try {
      this.queueUrl =
          config
              .queueUrl()
              .orElseGet(
                  () ->
                      queueUrlOf(config.target().orElseThrow(), config.queueName().orElseThrow()));
      // Read even when configured: it checks at start that the queue exists and answers.
      int queueVisibility = queueVisibility();
      int visibility = config.visibilityTimeoutSeconds().orElse(queueVisibility);
      this.messages = new QueueMessages(sqs, queueUrl, config.workerId());
      PipelineParts parts =
          new PipelineParts(
              config.workerId(),
              metrics,
              new ItemTracing(config.openTelemetry(), config.workerId()),
              messages,
              new TaskAnswers(sfn),
              executors.scheduler,
              executors.callbacks,
              executors.upkeep,
              visibility);
      ComputationEnvironment environment =
          new ComputationEnvironment(executors.scheduler, executors.cpu, config.exec());
      Semaphore slots = new Semaphore(config.concurrency());
      this.pipeline = new ItemPipeline(parts, computation, environment, slots, JSON);
      this.pollers =
          new QueuePollers(
              AwsClients.sqs(config.region(), config.sqsEndpoint(), pollerCount + 2),
              queueUrl,
              config.visibilityTimeoutSeconds(),
              config.waitTimeSeconds(),
              slots,
              pipeline);
      this.liveness =
          HealthChecks.builder()
              // a poller that ended on its own will not come back: restart the container
              .add("pollers", HealthCheck.holds(() -> stopping || pollers.alive(), POLLER_ENDED))
              .build();
      this.readiness =
          HealthChecks.builder()
              .add("stopping", HealthCheck.holds(() -> !stopping, "the worker shuts down"))
              .add("pollers", HealthCheck.holds(pollers::alive, POLLER_ENDED))
              .add(
                  "queue",
                  HealthCheck.holds(pollers::receiving, "the last receive did not reach the queue"))
              .build();
      this.http =
          config.httpPort() < 0
              ? null
              : HealthAndMetricsServer.start(
                  config.httpHost(),
                  config.httpPort(),
                  metrics.registry().getPrometheusRegistry(),
                  liveness,
                  readiness);
    } catch (RuntimeException e) {
      sqs.close();
      sfn.close();
      SharedExecutors.release(executors);
      throw e;
    }
    pipeline.keepMessagesHidden();
    pollers.start(pollerCount, config.workerId());
    LOG.info(
        "Worker {} computing '{}' from {} with concurrency {} ({} pollers)",
        config.workerId(),
        computation.name(),
        queueUrl,
        config.concurrency(),
        pollerCount);
  }

  /** Starts a worker; fails at once on an unknown computation or an unreachable queue. */
  public static Worker start(WorkerConfig config) {
    Computation computation = ComputationCatalog.load().get(config.computation());
    return new Worker(config, computation);
  }

  public String workerId() {
    return config.workerId();
  }

  public String queueUrl() {
    return queueUrl;
  }

  /** What this worker has done since it started, read from its live metrics. */
  public WorkerCounters counters() {
    return new WorkerCounters(
        metrics.received.sum(),
        metrics.succeeded.sum(),
        metrics.failed.sum(),
        metrics.refused.sum(),
        metrics.redeliveries.sum(),
        metrics.duplicates.sum(),
        metrics.malformed.sum(),
        metrics.callbackErrors.sum(),
        metrics.released.sum(),
        metrics.inFlight.get());
  }

  /** The port of the HTTP endpoints, when served. */
  public OptionalInt httpPort() {
    return http == null ? OptionalInt.empty() : OptionalInt.of(http.port());
  }

  /** What {@code /healthz} answers: the pollers run, or the worker stops on purpose. */
  public boolean isLive() {
    return liveness.run().healthy();
  }

  /** What {@code /readyz} answers: receiving from the queue, and not shutting down. */
  public boolean isReady() {
    return readiness.run().healthy();
  }

  /**
   * Shuts down gracefully: stops receiving, lets in-flight items finish and answer within {@code
   * grace}, then abandons the rest and makes their messages visible again at once so that another
   * worker takes them without waiting for the visibility timeout. Long polls get the grace to end
   * by themselves (anything they bring is released at once); past it they are cut.
   */
  public synchronized void stop(Duration grace) {
    if (stopped) {
      return;
    }
    stopping = true;
    long deadline = System.nanoTime() + grace.toNanos();
    try {
      pipeline.stopAccepting();
      pollers.stopReceiving();
      boolean idle = pipeline.awaitIdle(grace);
      if (!pollers.awaitStopped(deadline)) {
        pollers.cut();
      }
      if (!idle) {
        int released = pipeline.abandonAll();
        LOG.info("Worker {} released {} unfinished messages", config.workerId(), released);
      }
      // Answers already on their way when the grace ran out still settle their messages.
      pipeline.awaitIdle(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pipeline.abandonAll();
    } finally {
      pipeline.close();
      messages.close();
      if (http != null) {
        http.close();
      }
      sqs.close();
      sfn.close();
      SharedExecutors.release(executors);
      stopped = true;
      LOG.info("Worker {} stopped: {}", config.workerId(), counters());
    }
  }

  /**
   * Stops as a crash would (for chaos tests): polls cut, computations dropped unanswered, nothing
   * released or deleted, so the worker's messages come back only after their visibility timeout.
   */
  public synchronized void halt() {
    if (stopped) {
      return;
    }
    stopping = true;
    try {
      pipeline.stopAccepting();
      pollers.cut();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      int dropped = pipeline.abandonAll(false);
      pipeline.close();
      messages.abandon();
      if (http != null) {
        http.close();
      }
      sqs.close();
      sfn.close();
      SharedExecutors.release(executors);
      stopped = true;
      LOG.info(
          "Worker {} halted, dropping {} items in flight: {}",
          config.workerId(),
          dropped,
          counters());
    }
  }

  /** Stops with no grace: unfinished items are released at once. */
  @Override
  public void close() {
    stop(Duration.ZERO);
  }

  private String queueUrlOf(String target, String name) {
    try {
      return sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
    } catch (SdkException e) {
      throw new IllegalStateException(
          "Cannot find the queue "
              + name
              + " of compute target '"
              + target
              + "' (is the target in the operator's COMPUTECASE_TARGETS, with the same"
              + " COMPUTECASE_RESOURCE_PREFIX, and COMPUTECASE_SQS_ENDPOINT right?): "
              + e.getMessage(),
          e);
    }
  }

  private int queueVisibility() {
    try {
      String value =
          sqs.getQueueAttributes(
                  b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT))
              .attributes()
              .get(QueueAttributeName.VISIBILITY_TIMEOUT);
      return value == null ? 30 : Integer.parseInt(value);
    } catch (SdkException | NumberFormatException e) {
      throw new IllegalStateException(
          "Cannot read the visibility timeout of " + queueUrl + ": " + e.getMessage(), e);
    }
  }
}
