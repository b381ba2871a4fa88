package io.computecase.operator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.computecase.operator.testing.OperatorTestStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /readyz follows JOSDK's own view of its informers: an operator that lost them is not ready. */
class ReadinessTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final OperatorTestStack stack = new OperatorTestStack();

  @AfterEach
  void close() {
    stack.close();
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void losingTheApiServerMakesTheOperatorUnreadyNamingItsEventSources() throws Exception {
    int port = stack.startOperator().httpPort().orElseThrow();
    assertThat(get(port, "/readyz").statusCode()).isEqualTo(200);

    stack.kubernetes.destroy();

    await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/readyz").statusCode() == 503);
    assertThat(get(port, "/readyz").body())
        .startsWith("[+]stopping ok\n[+]started ok\n[-]event-sources failed: ")
        .contains("unhealthy\n")
        .endsWith("readyz check failed\n");
    assertThat(get(port, "/healthz").statusCode()).isEqualTo(200);
  }
}
