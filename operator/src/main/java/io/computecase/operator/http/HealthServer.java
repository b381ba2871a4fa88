package io.computecase.operator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/** Serves /healthz (the process lives), /readyz (provisioned and reconciling) and /metrics. */
public final class HealthServer implements AutoCloseable {
  private final HttpServer server;

  /** Serves on {@code host} (an address of this machine; 0.0.0.0 for every interface). */
  public HealthServer(String host, int port, BooleanSupplier ready, OperatorMetrics metrics) {
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 16);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot serve health and metrics on port "
              + port
              + ": set COMPUTECASE_HTTP_PORT to a free port",
          e);
    }
    server.createContext("/healthz", ex -> answer(ex, 200, "text/plain", "ok\n"));
    server.createContext(
        "/readyz",
        ex -> {
          boolean ok = ready.getAsBoolean();
          answer(ex, ok ? 200 : 503, "text/plain", ok ? "ready\n" : "not ready\n");
        });
    server.createContext(
        "/metrics",
        ex -> answer(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void answer(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    try (exchange) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", type);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
