package io.computecase.local.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.WebSocket;
import io.fabric8.kubernetes.client.http.WebSocketHandshakeException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A watch's query parameters are checked as a list's are, before the watch starts: one that does
 * not parse is answered 400 with a Status, over HTTP streaming and over WebSocket alike. Found by
 * the fuzz suite (issue #15): timeoutSeconds=abc was served and never ended, and
 * resourceVersion=abc was answered 200 and then an ERROR event.
 */
class WatchParametersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CASES =
      "/apis/computecase.io/v1alpha1/namespaces/default/computecases";

  /** Far longer than any answer takes: a watch that is served instead of refused runs past it. */
  private static final long ANSWER_SECONDS = 20;

  private static EmbeddedKubernetes server;
  private static HttpClient http;
  private static String base;

  @BeforeAll
  static void start() {
    server = EmbeddedKubernetes.builder().build();
    ComputeCases.createCrd(server.client());
    // the client's own HTTP client carries whatever TLS trust and credentials its Config holds
    http = server.client().getHttpClient();
    String master = server.client().getConfiguration().getMasterUrl();
    base = master.endsWith("/") ? master.substring(0, master.length() - 1) : master;
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static CompletableFuture<HttpResponse<String>> get(String pathAndQuery) {
    return http.sendAsync(
        http.newHttpRequestBuilder().uri(base + pathAndQuery).build(), String.class);
  }

  /** The 400 Status a refused watch is answered with, as kube-apiserver words a BadRequest. */
  private static JsonNode badRequest(String pathAndQuery) throws Exception {
    HttpResponse<String> response;
    try {
      response = get(pathAndQuery).get(ANSWER_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "GET " + pathAndQuery + " was served as a watch that does not end", e);
    }
    assertThat(response.code()).as("GET " + pathAndQuery + ": " + response.body()).isEqualTo(400);
    JsonNode status = JSON.readTree(response.body());
    assertThat(status.path("kind").asText()).isEqualTo("Status");
    assertThat(status.path("apiVersion").asText()).isEqualTo("v1");
    assertThat(status.path("status").asText()).isEqualTo("Failure");
    assertThat(status.path("reason").asText()).isEqualTo("BadRequest");
    assertThat(status.path("code").asInt()).isEqualTo(400);
    return status;
  }

  @Test
  void aTimeoutThatIsNoNonNegativeIntegerIsABadRequest() throws Exception {
    for (String timeout : new String[] {"abc", "-1", "1.5", "0.1s", "99999999999999999999"}) {
      assertThat(
              badRequest(CASES + "?watch=true&timeoutSeconds=" + timeout).path("message").asText())
          .startsWith("timeoutSeconds: Invalid value: \"" + timeout + "\"");
    }
  }

  @Test
  void aResourceVersionTheServerNeverGaveOutIsABadRequest() throws Exception {
    for (String version : new String[] {"abc", "-1", "1e3", "99999999999999999999"}) {
      assertThat(
              badRequest(CASES + "?watch=true&resourceVersion=" + version).path("message").asText())
          .startsWith("resourceVersion: Invalid value: \"" + version + "\"");
    }
    // a list checks the same ListOptions
    badRequest(CASES + "?resourceVersion=abc");
    badRequest(CASES + "?timeoutSeconds=abc");
  }

  @Test
  void selectorsAndLimitsOfAWatchAreCheckedAsAList() throws Exception {
    assertThat(badRequest(CASES + "?watch=true&labelSelector=a+in+%28b").path("message").asText())
        .contains("labelSelector");
    assertThat(
            badRequest(CASES + "?watch=true&fieldSelector=metadata.name").path("message").asText())
        .contains("invalid selector");
    badRequest(CASES + "?watch=true&limit=abc");
    // the legacy watch of one object by its path
    badRequest(CASES + "/demo?watch=true&timeoutSeconds=abc");
  }

  @Test
  void aWebSocketWatchThatDoesNotParseIsRefusedBeforeTheUpgrade() throws Exception {
    CompletableFuture<WebSocket> socket =
        http.newWebSocketBuilder()
            .uri(URI.create(base + CASES + "?watch=true&timeoutSeconds=abc"))
            .buildAsync(new WebSocket.Listener() {});

    assertThatThrownBy(() -> socket.get(ANSWER_SECONDS, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            WebSocketHandshakeException.class,
            refused -> assertThat(refused.getResponse().code()).isEqualTo(400));

    // fabric8 watches over WebSocket: its watch fails at once with the 400, and does not retry
    assertThatThrownBy(
            () ->
                ComputeCases.cases(server.client())
                    .inNamespace("default")
                    .watch(
                        new ListOptionsBuilder().withResourceVersion("abc").build(),
                        new Watcher<GenericKubernetesResource>() {
                          @Override
                          public void eventReceived(
                              Action action, GenericKubernetesResource resource) {}

                          @Override
                          public void onClose(WatcherException cause) {}
                        }))
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            refused -> assertThat(refused.getCode()).isEqualTo(400));
  }

  @Test
  void aValidWatchWithATimeoutOfOneSecondEndsAfterAboutASecond() throws Exception {
    String version =
        ComputeCases.cases(server.client())
            .inNamespace("default")
            .list()
            .getMetadata()
            .getResourceVersion();

    CompletableFuture<HttpResponse<String>> watch =
        get(CASES + "?watch=true&timeoutSeconds=1&resourceVersion=" + version);

    await("the watch with timeoutSeconds=1 ends")
        .atLeast(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(watch::isDone);
    HttpResponse<String> ended = watch.get();
    assertThat(ended.code()).isEqualTo(200);
    assertThat(ended.body())
        .as("no ERROR event: the watch ended as timed out")
        .doesNotContain("ERROR");
  }

  @Test
  void aValidWebSocketWatchWithATimeoutOfOneSecondIsClosedAfterAboutASecond() throws Exception {
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    WebSocket socket =
        http.newWebSocketBuilder()
            .uri(URI.create(base + CASES + "?watch=true&timeoutSeconds=1"))
            .buildAsync(
                new WebSocket.Listener() {
                  @Override
                  public void onOpen(WebSocket webSocket) {
                    webSocket.request();
                  }

                  @Override
                  public void onMessage(WebSocket webSocket, String text) {
                    webSocket.request();
                  }

                  @Override
                  public void onClose(WebSocket webSocket, int code, String reason) {
                    closed.complete(code);
                  }

                  @Override
                  public void onError(WebSocket webSocket, Throwable error) {
                    closed.completeExceptionally(error);
                  }
                })
            .get(ANSWER_SECONDS, TimeUnit.SECONDS);
    try {
      await("the WebSocket watch with timeoutSeconds=1 is closed")
          .atLeast(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(50))
          .until(closed::isDone);
      assertThat(closed).isCompleted();
    } finally {
      socket.sendClose(1000, "test done");
    }
  }
}
