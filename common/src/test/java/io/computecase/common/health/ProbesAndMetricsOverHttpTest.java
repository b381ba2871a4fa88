package io.computecase.common.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probes and the metrics of one process, scraped over HTTP as Kubernetes and Prometheus do. */
class ProbesAndMetricsOverHttpTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final AtomicBoolean receiving = new AtomicBoolean(true);
  private HealthAndMetricsServer server;

  @BeforeEach
  void start() {
    Counter.builder().name("computecase_things").help("Things.").register(registry).inc(3);
    server =
        HealthAndMetricsServer.start(
            "127.0.0.1",
            0,
            registry,
            HealthChecks.none(),
            HealthChecks.builder()
                .add("started", HealthCheck.holds(() -> true, "not started"))
                .add("queue", HealthCheck.holds(receiving::get, "the last receive failed"))
                .build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  @Test
  void probesAnswerOkWhileEveryCheckPasses() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    assertThat(text(get("/healthz"))).isEqualTo("ok\n");
    assertThat(get("/readyz").statusCode()).isEqualTo(200);
    assertThat(text(get("/readyz?verbose")))
        .isEqualTo("[+]started ok\n[+]queue ok\nreadyz check passed\n");
  }

  @Test
  void aFailedCheckMakesThe503NameIt() throws Exception {
    receiving.set(false);

    HttpResponse<byte[]> readyz = get("/readyz");
    assertThat(readyz.statusCode()).isEqualTo(503);
    assertThat(readyz.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
    assertThat(text(readyz))
        .isEqualTo(
            "[+]started ok\n[-]queue failed: the last receive failed\nreadyz check failed\n");
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void aCheckThatThrowsFailsTheProbe() throws Exception {
    server.close();
    server =
        HealthAndMetricsServer.start(
            "127.0.0.1",
            0,
            registry,
            HealthChecks.builder()
                .add(
                    "informers",
                    () -> {
                      throw new IllegalStateException("no client");
                    })
                .build(),
            HealthChecks.none());

    assertThat(get("/healthz").statusCode()).isEqualTo(503);
    assertThat(text(get("/healthz"))).contains("[-]informers failed:").contains("no client");
  }

  @Test
  void metricsAreThePrometheusTextFormat() throws Exception {
    HttpResponse<byte[]> metrics = get("/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .contains("text/plain; version=0.0.4; charset=utf-8");
    assertThat(text(metrics))
        .contains("# HELP computecase_things_total Things.\n")
        .contains("# TYPE computecase_things_total counter\n")
        .contains("computecase_things_total 3.0\n");
  }

  @Test
  void metricsNegotiateOpenMetricsAndGzip() throws Exception {
    HttpResponse<byte[]> openMetrics =
        get("/metrics", "Accept", "application/openmetrics-text; version=1.0.0");
    assertThat(openMetrics.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/openmetrics-text"));
    assertThat(text(openMetrics)).endsWith("# EOF\n");

    HttpResponse<byte[]> gzipped = get("/metrics", "Accept-Encoding", "gzip");
    assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .contains("computecase_things_total 3.0\n");
    }
  }

  @Test
  void anyOtherPathIsNotFound() throws Exception {
    assertThat(get("/").statusCode()).isEqualTo(404);
    assertThat(get("/livez").statusCode()).isEqualTo(404);
    assertThat(get("/-/healthy").statusCode()).isEqualTo(404);
  }

  @Test
  void aClosedServerRefusesConnections() {
    int port = server.port();
    server.close();

    assertThatThrownBy(
            () ->
                http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aTakenPortIsRefusedNamingTheVariableToChange() {
    assertThatThrownBy(
            () ->
                HealthAndMetricsServer.start(
                    "127.0.0.1", server.port(), registry, HealthChecks.none(), HealthChecks.none()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("127.0.0.1:" + server.port())
        .hasMessageContaining("set COMPUTECASE_HTTP_PORT to a free port");
  }
}
