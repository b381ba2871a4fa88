package io.computecase.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The worker's /healthz, /readyz and /metrics, scraped over HTTP as Kubernetes and Prometheus. */
class HealthEndpointsTest {
  private final TestingStack stack = new TestingStack();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void close() {
    stack.close();
  }

  private HttpResponse<String> get(Worker worker, String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + worker.httpPort().orElseThrow() + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void probesAndPrometheusMetricsAreServed() throws Exception {
    stack.sendItem(0, "{\"computeMs\": 0}");
    stack.sendItem(1, "{\"computeMs\": 0, \"failIndexes\": [1]}");
    Worker worker = stack.start(stack.workerConfig("w1").httpPort(0));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> worker.counters().failed() == 1 && worker.counters().succeeded() == 1);

    assertThat(get(worker, "/healthz").statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> get(worker, "/readyz").statusCode() == 200);
    assertThat(get(worker, "/readyz?verbose").body())
        .isEqualTo("[+]stopping ok\n[+]pollers ok\n[+]queue ok\nreadyz check passed\n");
    HttpResponse<String> metrics = get(worker, "/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .contains("text/plain; version=0.0.4; charset=utf-8");
    assertThat(metrics.body())
        .contains("# TYPE computecase_worker_items_total counter\n")
        .contains("computecase_worker_items_total{outcome=\"succeeded\"} 1.0\n")
        .contains("computecase_worker_items_total{outcome=\"failed\"} 1.0\n")
        .contains("computecase_worker_items_in_flight 0.0\n")
        .contains("computecase_worker_messages_received_total 2.0\n")
        .contains("computecase_worker_callback_errors_total 0.0\n")
        .contains("computecase_worker_compute_duration_seconds_bucket{le=\"+Inf\"} 2\n")
        .contains("computecase_worker_compute_duration_seconds_count 2\n");
  }

  @Test
  void metricsAreOpenMetricsForAScraperThatAsks() throws Exception {
    Worker worker = stack.start(stack.workerConfig("w1").httpPort(0));

    HttpResponse<String> metrics =
        get(worker, "/metrics", "Accept", "application/openmetrics-text; version=1.0.0");

    assertThat(metrics.headers().firstValue("Content-Type"))
        .contains("application/openmetrics-text; version=1.0.0; charset=utf-8");
    assertThat(metrics.body())
        .contains("computecase_worker_items_in_flight 0.0\n")
        .endsWith("# EOF\n");
  }

  @Test
  void readinessFailsOnceTheWorkerIsStopping() throws Exception {
    Worker worker = stack.start(stack.workerConfig("w1").httpPort(0));
    await().atMost(Duration.ofSeconds(20)).until(worker::isReady);
    int port = worker.httpPort().orElseThrow();

    worker.stop(Duration.ZERO);

    assertThat(worker.isReady()).isFalse();
    assertThatThrownBy(
            () ->
                http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
  }
}
