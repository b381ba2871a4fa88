package io.computecase.local.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What no client can make a local AWS server do: buffer a body without end, or queue requests
 * without end. AWS documents no error for a body larger than any valid request; the 413 with {@code
 * RequestEntityTooLargeException} is our guess, the closest error AWS services document.
 *
 * <p>The oversized bodies go through a plain socket with a read timeout, so what the test sees is
 * exactly what the server wrote, whatever an HTTP client library does with an early answer.
 */
class RequestBoundsTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private AwsJsonServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static HttpRequest.Builder post(AwsJsonServer server, String operation) {
    return HttpRequest.newBuilder(URI.create(server.endpoint()))
        .timeout(PATIENCE)
        .header("X-Amz-Target", "AWSStepFunctions." + operation)
        .header("Content-Type", "application/x-amz-json-1.0");
  }

  private AwsJsonServer countingServer(AtomicInteger served) {
    return AwsJsonServer.builder("AWSStepFunctions", "1.0")
        .operation(
            "StartExecution",
            request -> {
              served.incrementAndGet();
              return AwsJson.MAPPER.createObjectNode();
            })
        .start();
  }

  private static String head(String framing) {
    return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "X-Amz-Target: AWSStepFunctions.StartExecution\r\n"
        + "Content-Type: application/x-amz-json-1.0\r\n"
        + framing
        + "\r\n\r\n";
  }

  /** The status line and headers the server wrote, up to the blank line. */
  private static List<String> responseHead(Socket socket) throws IOException {
    BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
    List<String> lines = new ArrayList<>();
    for (String line = reader.readLine();
        line != null && !line.isEmpty();
        line = reader.readLine()) {
      lines.add(line);
    }
    return lines;
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedWith413BeforeAnyBodyIsSent() throws Exception {
    AtomicInteger served = new AtomicInteger();
    server = countingServer(served);
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout((int) PATIENCE.toMillis());
      socket
          .getOutputStream()
          .write(
              head("Content-Length: " + (AwsJsonServer.MAX_BODY_BYTES + 1))
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();

      List<String> head = responseHead(socket);
      assertThat(head.get(0)).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
      assertThat(head)
          .contains("x-amzn-ErrorType: RequestEntityTooLargeException")
          .anyMatch(h -> h.equalsIgnoreCase("connection: close"));
    }
    assertThat(served).hasValue(0);
    assertServesOn();
  }

  @Test
  void aChunkedBodyIsCutOffAsItPassesTheLimit() throws Exception {
    AtomicInteger served = new AtomicInteger();
    server = countingServer(served);
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout((int) PATIENCE.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(head("Transfer-Encoding: chunked").getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
      // one chunk past the limit, and the body never ends: the answer cannot wait for its end
      for (long sent = 0; sent <= AwsJsonServer.MAX_BODY_BYTES; sent += chunk.length) {
        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();

      List<String> head = responseHead(socket);
      assertThat(head.get(0)).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
      assertThat(head).contains("x-amzn-ErrorType: RequestEntityTooLargeException");
      // and the server ends the connection, not left to stream into forever: reading to the end
      // of the stream returns instead of timing out
      socket.getInputStream().readAllBytes();
    }
    assertThat(served).hasValue(0);
    assertServesOn();
  }

  private void assertServesOn() throws Exception {
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
                    // held until the test lets go, far longer than the test waits for anything
                    release.await(5, TimeUnit.MINUTES);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return AwsJson.MAPPER.createObjectNode();
                })
            .threads(1)
            .queueCapacity(1)
            .start();
    HttpRequest request =
        post(server, "DescribeExecution")
            .timeout(Duration.ofMinutes(2))
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    CompletableFuture<HttpResponse<String>> running =
        HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    await().atMost(PATIENCE).until(() -> started.get() == 1);

    // the only thread is held: of five more, the first to arrive waits in the only place in the
    // queue and the other four are answered at once
    List<CompletableFuture<HttpResponse<String>>> more = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      more.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
    }
    await()
        .atMost(PATIENCE)
        .until(() -> more.stream().filter(CompletableFuture::isDone).count() == 4);
    for (CompletableFuture<HttpResponse<String>> answered :
        more.stream().filter(CompletableFuture::isDone).toList()) {
      assertThat(answered.get().statusCode()).isEqualTo(400);
      assertThat(AwsJson.MAPPER.readTree(answered.get().body()).path("__type").asText())
          .isEqualTo("ThrottlingException");
    }
    assertThat(started).hasValue(1);

    release.countDown();
    assertThat(running.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    CompletableFuture<HttpResponse<String>> queued =
        more.stream()
            .filter(f -> !f.isDone() || f.join().statusCode() == 200)
            .findFirst()
            .orElseThrow();
    assertThat(queued.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }
}
