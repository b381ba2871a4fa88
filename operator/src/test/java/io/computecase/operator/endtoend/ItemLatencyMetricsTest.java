package io.computecase.operator.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.api.v1alpha1.ComputeCaseSpec;
import io.computecase.api.v1alpha1.Generate;
import io.computecase.operator.testing.OperatorTestStack;
import io.computecase.operator.testing.TestingWorker.Answer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The item latency histogram on /metrics holds every succeeded item's reported duration once its
 * case finished on the local engines; a failed item adds nothing.
 */
class ItemLatencyMetricsTest {
  private static final Map<String, Long> DURATIONS_MS = Map.of("0", 250L, "1", 500L, "2", 2000L);
  private OperatorTestStack stack;

  @BeforeEach
  void start() {
    stack = new OperatorTestStack();
    stack.useLocalEngines();
    stack.startOperator();
    stack.startWorker(
        (caseId, delivery) ->
            DURATIONS_MS.containsKey(caseId)
                ? new Answer.Succeed(DURATIONS_MS.get(caseId))
                : new Answer.Fail("ComputeError", "no duration for a failed item"));
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  @Test
  void scrapedHistogramCountsEachSucceededItemInItsBucket() {
    ComputeCaseSpec spec = new ComputeCaseSpec();
    spec.setGenerate(new Generate(4));
    spec.setToleratedFailureCount(1);
    stack.create("timed", spec);
    stack.awaitCase("timed", cc -> cc.getStatus().getCompletionTime() != null);

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(scrape())
                    .contains("# TYPE computecase_item_duration_seconds histogram")
                    .contains("computecase_item_duration_seconds_bucket{le=\"0.1\"} 0\n")
                    .contains("computecase_item_duration_seconds_bucket{le=\"0.25\"} 1\n")
                    .contains("computecase_item_duration_seconds_bucket{le=\"0.5\"} 2\n")
                    .contains("computecase_item_duration_seconds_bucket{le=\"1.0\"} 2\n")
                    .contains("computecase_item_duration_seconds_bucket{le=\"2.5\"} 3\n")
                    .contains("computecase_item_duration_seconds_bucket{le=\"+Inf\"} 3\n")
                    .contains("computecase_item_duration_seconds_sum 2.75\n")
                    .contains("computecase_item_duration_seconds_count 3\n"));
  }

  private String scrape() throws Exception {
    int port = stack.operator().httpPort().orElseThrow();
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
