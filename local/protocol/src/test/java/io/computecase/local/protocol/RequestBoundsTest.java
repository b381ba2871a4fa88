package io.computecase.local.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What no client can make a local AWS server do: buffer a body without end, or queue requests
 * without end. AWS documents no error for a body larger than any valid request; the 413 with
 * {@code RequestEntityTooLargeException} is our guess, the closest error AWS services document.
 */
class RequestBoundsTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private AwsJsonServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static HttpRequest.Builder post(AwsJsonServer server, String operation) {
    return HttpRequest.newBuilder(URI.create(server.endpoint()))
        .header("X-Amz-Target", "AWSStepFunctions." + operation)
        .header("Content-Type", "application/x-amz-json-1.0");
  }

  @Test
  void aBodyOverTheLimitIsRefusedWith413_theErrorCodeIsAGuess() throws Exception {
    AtomicInteger served = new AtomicInteger();
    server =
        AwsJsonServer.builder("AWSStepFunctions", "1.0")
            .operation("StartExecution", request -> {
              served.incrementAndGet();
              return AwsJson.MAPPER.createObjectNode();
            })
            .start();
    String big = "{\"input\": \"" + "x".repeat(AwsJsonServer.MAX_BODY_BYTES) + "\"}";

    HttpResponse<String> declared =
        HTTP.send(
            post(server, "StartExecution").POST(HttpRequest.BodyPublishers.ofString(big)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(declared.headers().firstValue("x-amzn-ErrorType")).contains("RequestEntityTooLargeException");
    assertThat(AwsJson.MAPPER.readTree(declared.body()).path("__type").asText())
        .isEqualTo("RequestEntityTooLargeException");

    // the same body in chunks, with no length given: cut off as it passes the limit
    HttpResponse<String> chunked =
        HTTP.send(
            post(server, "StartExecution").POST(unsized(big)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(served).hasValue(0);

    // and the server goes on serving
    HttpResponse<String> small =
        HTTP.send(
            post(server, "StartExecution").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(small.statusCode()).isEqualTo(200);
  }

  @Test
  void requestsPastAFullQueueAreThrottledAsAwsThrottles() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger started = new AtomicInteger();
    server =
        AwsJsonServer.builder("AWSStepFunctions", "1.0")
            .operation(
                "DescribeExecution",
                request -> {
                  started.incrementAndGet();
                  try {
                    release.await(30, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return AwsJson.MAPPER.createObjectNode();
                })
            .threads(1)
            .queueCapacity(1)
            .start();
    HttpRequest request = post(server, "DescribeExecution").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    CompletableFuture<HttpResponse<String>> running = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    await().atMost(Duration.ofSeconds(10)).until(() -> started.get() == 1);
    CompletableFuture<HttpResponse<String>> queued = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> throttled;
    // the queued one takes the only place; the next is answered at once
    do {
      throttled = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } while (throttled.statusCode() == 200);
    assertThat(throttled.statusCode()).isEqualTo(400);
    assertThat(AwsJson.MAPPER.readTree(throttled.body()).path("__type").asText()).isEqualTo("ThrottlingException");

    release.countDown();
    assertThat(running.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(queued.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  /** A body publisher that gives no length, so the client sends it chunked. */
  private static HttpRequest.BodyPublisher unsized(String body) {
    byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return HttpRequest.BodyPublishers.fromPublisher(
        (Flow.Subscriber<? super ByteBuffer> subscriber) -> {
          SubmissionPublisher<ByteBuffer> publisher = new SubmissionPublisher<>();
          publisher.subscribe(subscriber);
          CompletableFuture.runAsync(
              () -> {
                for (int offset = 0; offset < bytes.length; offset += 64 * 1024) {
                  publisher.submit(ByteBuffer.wrap(bytes, offset, Math.min(64 * 1024, bytes.length - offset)));
                }
                publisher.close();
              });
        });
  }
}
