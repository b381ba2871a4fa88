package io.computecase.operator;

import io.computecase.common.config.EnvironmentVariables;
import io.computecase.operator.config.OperatorConfig;
import io.computecase.operator.reconciler.ReconcileErrors;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The operator container's entry point: configuration from the environment, then run. */
@Command(
    name = "computecase-operator",
    mixinStandardHelpOptions = true,
    description = "Reconciles ComputeCases into AWS Step Functions executions.")
public final class OperatorMain implements Callable<Integer> {
  @Option(
      names = "--leader-election",
      description =
          "Elect one active replica through a Lease (default: COMPUTECASE_LEADER_ELECTION).")
  private Boolean leaderElection;

  @Option(names = "--http-port", description = "Port of /healthz, /readyz, /metrics.")
  private Integer httpPort;

  public static void main(String[] args) {
    System.exit(new CommandLine(new OperatorMain()).execute(args));
  }

  /**
   * The OpenTelemetry SDK configured by the standard OTEL_* variables, when any exporter is
   * configured; otherwise tracing stays off (no exporter retrying a collector that is not there).
   */
  static OpenTelemetry openTelemetry(Map<String, String> env) {
    boolean configured =
        env.keySet().stream()
            .anyMatch(k -> k.startsWith("OTEL_EXPORTER_") || k.equals("OTEL_TRACES_EXPORTER"));
    if (!configured || "true".equalsIgnoreCase(env.get("OTEL_SDK_DISABLED"))) {
      return OpenTelemetry.noop();
    }
    return AutoConfiguredOpenTelemetrySdk.builder()
        .addResourceCustomizer(
            (resource, config) ->
                resource.merge(
                    Resource.create(
                        Attributes.of(
                            AttributeKey.stringKey("service.name"),
                            config.getString("otel.service.name", "computecase-operator")))))
        .setResultAsGlobal()
        .build()
        .getOpenTelemetrySdk();
  }

  @Override
  public Integer call() throws InterruptedException {
    // an option stands for its variable and is read the same way, as in the worker
    Map<String, String> env =
        EnvironmentVariables.of(System.getenv())
            .with("COMPUTECASE_HTTP_PORT", httpPort)
            .with("COMPUTECASE_LEADER_ELECTION", leaderElection)
            .asMap();
    OperatorConfig config;
    try {
      config = OperatorConfig.fromEnvironment(env);
    } catch (IllegalArgumentException e) {
      System.err.println("computecase-operator: " + e.getMessage());
      return 2;
    }
    KubernetesClient client = new KubernetesClientBuilder().build();
    ComputeCaseOperator operator;
    try {
      operator = ComputeCaseOperator.start(client, config, openTelemetry(env));
    } catch (RuntimeException e) {
      // one line a platform team can act on, rather than a stack trace in the pod log
      System.err.println(
          "computecase-operator cannot start: " + ReconcileErrors.describe(e).message());
      client.close();
      return 1;
    }
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  operator.stop();
                  client.close();
                  stop.countDown();
                }));
    stop.await();
    return 0;
  }
}
