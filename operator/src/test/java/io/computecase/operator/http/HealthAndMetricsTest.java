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

  private static HttpResponse<String> get(String path) throws Exception {
    int port = stack.operator().httpPort().orElseThrow();
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void probesAnswerOk() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    assertThat(get("/readyz").statusCode()).isEqualTo(200);
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
                  .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
              assertThat(metrics.body())
                  .contains("computecase_cases{phase=\"Failed\"} 1")
                  .contains("computecase_cases{phase=\"Running\"} 1")
                  .contains("computecase_executions_started_total 1")
                  .contains("# TYPE computecase_reconcile_duration_seconds histogram")
                  .containsPattern("computecase_reconcile_duration_seconds_count [1-9]")
                  .contains("computecase_start_latency_seconds_count 1");
            });
  }
}
