package io.computecase.local.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A watcher that stops reading costs the server a bounded backlog, then loses its watch, as on
 * kube-apiserver; writers and the other watchers go on as if it were not there.
 */
class SlowWatcherTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BACKLOG_EVENTS = 100;
  private static final long BACKLOG_CHARS = 1024 * 1024;
  // Enough that, past the socket buffers, the stuck watcher's backlog must overflow; an upper
  // bound so a broken bound fails the test instead of writing forever.
  private static final int MAX_WRITES = 3_000;
  private static final int WRITES_AFTER_THE_END = 20;
  private static final String PAYLOAD = "x".repeat(32 * 1024);

  private EmbeddedKubernetes server;

  @BeforeEach
  void start() {
    server = EmbeddedKubernetes.builder().watchBacklog(BACKLOG_EVENTS, BACKLOG_CHARS).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aWatcherThatStopsReadingIsEndedWhileWritesAndOtherWatchersGoOn() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    List<String> closes = new CopyOnWriteArrayList<>();
    try (Watch healthy =
            server
                .client()
                .configMaps()
                .inNamespace("default")
                .watch(
                    new Watcher<ConfigMap>() {
                      @Override
                      public void eventReceived(Action action, ConfigMap configMap) {
                        seen.add(action + " " + configMap.getMetadata().getName());
                      }

                      @Override
                      public void onClose(WatcherException cause) {
                        closes.add(String.valueOf(cause));
                      }
                    });
        SSLSocket stuck = openWatchThatNeverReads()) {
      await().atMost(Duration.ofSeconds(30)).until(() -> server.watches().openWatches() == 2);

      List<String> written = new ArrayList<>();
      int afterTheEnd = 0;
      while (afterTheEnd < WRITES_AFTER_THE_END && written.size() < MAX_WRITES) {
        String name = "cm-" + written.size();
        ConfigMap created =
            server
                .client()
                .configMaps()
                .inNamespace("default")
                .resource(
                    new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .addToData("payload", PAYLOAD)
                        .build())
                .create();
        assertThat(created.getMetadata().getResourceVersion()).isNotBlank();
        written.add(name);
        if (server.watches().watchesEndedForLag() > 0) {
          afterTheEnd++;
        }
      }

      assertThat(server.watches().watchesEndedForLag())
          .as("the stuck watch was ended within %d writes", MAX_WRITES)
          .isEqualTo(1);
      assertThat(server.watches().peakBacklogChars()).isLessThanOrEqualTo(BACKLOG_CHARS);
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(seen)
                      .containsExactlyElementsOf(
                          written.stream().map(name -> "ADDED " + name).toList()));
      assertThat(closes).isEmpty();
      assertThat(server.watches().openWatches()).isEqualTo(1);

      // Reading now, the stuck client finds its stream ended after an unbroken prefix of the
      // writes: the server cut it off rather than skipping events.
      List<String> received = readWatchStream(stuck);
      assertThat(received).isNotEmpty().hasSizeLessThan(written.size());
      assertThat(received).containsExactlyElementsOf(written.subList(0, received.size()));
    }
  }

  private SSLSocket openWatchThatNeverReads() throws IOException {
    URI url = URI.create(server.url());
    SSLSocket socket = (SSLSocket) server.sslContext().getSocketFactory().createSocket();
    // a small window, so the server's socket buffer, not this one, holds what is not read
    socket.setReceiveBufferSize(4096);
    socket.connect(new InetSocketAddress(url.getHost(), url.getPort()));
    socket.setSoTimeout((int) Duration.ofSeconds(60).toMillis());
    socket.startHandshake();
    OutputStream out = socket.getOutputStream();
    out.write(
        ("GET /api/v1/namespaces/default/configmaps?watch=true HTTP/1.1\r\n"
                + "Host: "
                + url.getHost()
                + "\r\n"
                + "Authorization: Bearer "
                + server.token()
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  /** The names in a chunked watch response, read until its last chunk. */
  private static List<String> readWatchStream(SSLSocket socket) throws IOException {
    InputStream in = socket.getInputStream();
    String status = line(in);
    assertThat(status).startsWith("HTTP/1.1 200");
    String header;
    boolean chunked = false;
    while (!(header = line(in)).isEmpty()) {
      chunked |= header.equalsIgnoreCase("transfer-encoding: chunked");
    }
    assertThat(chunked).isTrue();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      int size = Integer.parseInt(line(in).strip(), 16);
      if (size == 0) {
        break;
      }
      body.write(in.readNBytes(size));
      line(in); // the chunk's closing CRLF
    }
    List<String> names = new ArrayList<>();
    for (String event : body.toString(StandardCharsets.UTF_8).split("\n")) {
      JsonNode parsed = JSON.readTree(event);
      assertThat(parsed.path("type").asText()).isEqualTo("ADDED");
      names.add(parsed.path("object").path("metadata").path("name").asText());
    }
    return names;
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("the stream ended inside a line: " + line);
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }
}
