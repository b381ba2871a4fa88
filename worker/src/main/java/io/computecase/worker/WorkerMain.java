package io.computecase.worker;

import io.computecase.common.config.EnvironmentVariables;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The worker container's entry point: configured by the environment variables of the shared
 * contract (options override them), runs until SIGTERM, then shuts down gracefully.
 */
@Command(
    name = "computecase-worker",
    mixinStandardHelpOptions = true,
    description =
        "Computes ComputeCase items from an SQS queue and answers their Step Functions task"
            + " tokens.")
public final class WorkerMain implements Callable<Integer> {
  @Option(names = "--queue-url", description = "Queue URL (env COMPUTECASE_QUEUE_URL)")
  String queueUrl;

  @Option(
      names = "--target",
      description =
          "Install target; queue <prefix>-<target> (env COMPUTECASE_TARGET, prefix"
              + " COMPUTECASE_RESOURCE_PREFIX, default computecase)")
  String target;

  @Option(
      names = "--concurrency",
      description = "Items computed at once (env COMPUTECASE_CONCURRENCY, 10)")
  Integer concurrency;

  @Option(
      names = "--computation",
      description = "simulate, cpu, exec or a plugged-in one (env COMPUTECASE_COMPUTATION)")
  String computation;

  @Option(
      names = "--http-port",
      description = "Port of /healthz, /readyz, /metrics (env COMPUTECASE_HTTP_PORT, 8080)")
  Integer httpPort;

  @Option(
      names = "--exec-command",
      description = "Command run per item by 'exec' (env COMPUTECASE_EXEC_COMMAND)")
  String execCommand;

  @Option(
      names = "--grace-seconds",
      description =
          "Time in-flight items get to finish on SIGTERM (env COMPUTECASE_SHUTDOWN_GRACE_SECONDS,"
              + " 25)")
  Integer graceSeconds;

  public static void main(String[] args) {
    System.exit(new CommandLine(new WorkerMain()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    // an option stands for its variable and is read the same way, as in the operator
    EnvironmentVariables variables =
        EnvironmentVariables.of(System.getenv())
            .with("COMPUTECASE_QUEUE_URL", queueUrl)
            .with("COMPUTECASE_TARGET", target)
            .with("COMPUTECASE_CONCURRENCY", concurrency)
            .with("COMPUTECASE_COMPUTATION", computation)
            .with("COMPUTECASE_HTTP_PORT", httpPort)
            .with("COMPUTECASE_EXEC_COMMAND", execCommand)
            .with("COMPUTECASE_SHUTDOWN_GRACE_SECONDS", graceSeconds);
    Map<String, String> env = variables.asMap();
    OpenTelemetry openTelemetry = openTelemetry(env);
    Duration grace;
    WorkerConfig config;
    try {
      grace =
          variables.seconds("COMPUTECASE_SHUTDOWN_GRACE_SECONDS").orElse(Duration.ofSeconds(25));
      config = WorkerConfig.builderFromEnvironment(env).openTelemetry(openTelemetry).build();
    } catch (IllegalArgumentException e) {
      System.err.println("computecase-worker: " + e.getMessage());
      return 2;
    }
    Worker worker;
    try {
      worker = Worker.start(config);
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("computecase-worker: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  worker.stop(grace);
                  if (openTelemetry instanceof OpenTelemetrySdk sdk) {
                    sdk.close();
                  }
                  stopped.countDown();
                },
                "computecase-sigterm"));
    stopped.await();
    return 0;
  }

  /**
   * Traces are exported only when an exporter is configured through the standard OTEL_ variables.
   */
  private static OpenTelemetry openTelemetry(Map<String, String> env) {
    boolean configured =
        env.containsKey("OTEL_EXPORTER_OTLP_ENDPOINT")
            || env.containsKey("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
            || env.containsKey("OTEL_TRACES_EXPORTER");
    if (!configured || "true".equalsIgnoreCase(env.get("OTEL_SDK_DISABLED"))) {
      return OpenTelemetry.noop();
    }
    return AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(
            () ->
                Map.of(
                    "otel.service.name", "computecase-worker",
                    "otel.metrics.exporter", "none",
                    "otel.logs.exporter", "none"))
        .build()
        .getOpenTelemetrySdk();
  }
}
