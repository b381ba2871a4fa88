package io.computecase.common.health;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;

/**
 * Serves one process's {@code /healthz} (liveness), {@code /readyz} (readiness) and {@code
 * /metrics} on the Prometheus client's HTTP server. {@code /metrics} is the library's own handler:
 * content negotiation (Prometheus text, OpenMetrics, protobuf), gzip and {@code name[]} filters
 * come from it. The probes answer 200 when every check passes and 503 naming the failed ones.
 */
public final class HealthAndMetricsServer implements AutoCloseable {
  private final HTTPServer server;

  private HealthAndMetricsServer(HTTPServer server) {
    this.server = server;
  }

  /**
   * Serves on {@code host} (an address of this machine: 0.0.0.0 for every interface, 127.0.0.1 to
   * stay on it) and {@code port} (0 takes any free port).
   */
  public static HealthAndMetricsServer start(
      String host,
      int port,
      PrometheusRegistry metrics,
      HealthChecks liveness,
      HealthChecks readiness) {
    try {
      return new HealthAndMetricsServer(
          HTTPServer.builder()
              .hostname(host)
              .port(port)
              .registry(metrics)
              // the library's /-/healthy knows nothing of our checks: /healthz is the one probe
              .registerHealthHandler(false)
              .defaultHandler(new ProbeHandler(liveness, readiness))
              .buildAndStart());
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "Cannot serve /healthz, /readyz and /metrics on "
              + host
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "): set COMPUTECASE_HTTP_PORT to a free port, and COMPUTECASE_HTTP_HOST to an"
              + " address of this machine",
          e);
    }
  }

  /** The port served: the one asked for, or the free port taken for 0. */
  public int port() {
    return server.getPort();
  }

  /** Stops listening at once; a probe after this cannot connect. */
  @Override
  public void close() {
    server.close();
  }
}
