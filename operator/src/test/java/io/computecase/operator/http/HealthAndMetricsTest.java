package io.computecase.operator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.Generate;
import io.computecase.operator.testing.OperatorTestStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Probes and Prometheus metrics are served on the operator's HTTP port. */
class HealthAndMetricsTest {
  private static OperatorTestStack stack;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    stack = new OperatorTestStack();
    stack.startOperator();
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    int port = stack.operator().httpPort().orElseThrow();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void probesAnswerOk() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    assertThat(get("/healthz").body()).isEqualTo("ok\n");
    assertThat(get("/readyz").statusCode()).isEqualTo(200);
    assertThat(get("/readyz?verbose").body())
        .isEqualTo("[+]stopping ok\n[+]started ok\n[+]event-sources ok\nreadyz check passed\n");
  }

  @Test
  void metricsAreOpenMetricsForAScraperThatAsks() throws Exception {
    HttpResponse<String> metrics =
        get("/metrics", "Accept", "application/openmetrics-text; version=1.0.0");

    assertThat(metrics.headers().firstValue("Content-Type"))
        .contains("application/openmetrics-text; version=1.0.0; charset=utf-8");
    assertThat(metrics.body())
        .contains("# TYPE computecase_reconcile_duration_seconds histogram\n")
        .endsWith("# EOF\n");
  }

  @Test
  void metricsCountCasesByPhaseAndReconciles() throws Exception {
    stack.create("refused", new ComputeCaseSpec());
    ComputeCaseSpec valid = new ComputeCaseSpec();
    valid.setGenerate(new Generate(2));
    stack.create("counted", valid);
    stack.awaitCase("counted", c -> c.getStatus().getStartTime() != null);

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              HttpResponse<String> metrics = get("/metrics");
              assertThat(metrics.statusCode()).isEqualTo(200);
              assertThat(metrics.headers().firstValue("Content-Type"))
                  .contains("text/plain; version=0.0.4; charset=utf-8");
              assertThat(metrics.body())
                  .contains("computecase_cases{phase=\"Failed\"} 1")
                  .contains("computecase_cases{phase=\"Running\"} 1")
                  .contains("computecase_executions_started_total 1")
                  .contains("# TYPE computecase_reconcile_duration_seconds histogram")
                  .containsPattern("computecase_reconcile_duration_seconds_count [1-9]")
                  .contains("computecase_start_latency_seconds_count 1")
                  // JOSDK's own metrics, through its Micrometer support
                  .containsPattern("operator_sdk_reconciliations_started_total\\{[^}]*\\} [1-9]");
            });
  }
}
