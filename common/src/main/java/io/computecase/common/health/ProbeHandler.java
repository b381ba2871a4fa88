package io.computecase.common.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Answers {@code /healthz} and {@code /readyz} (with {@code ?verbose}, every check is listed even
 * when all pass) and 404 for any other path that is not {@code /metrics}.
 */
final class ProbeHandler implements HttpHandler {
  private final HealthChecks liveness;
  private final HealthChecks readiness;

  ProbeHandler(HealthChecks liveness, HealthChecks readiness) {
    this.liveness = liveness;
    this.readiness = readiness;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    switch (path) {
      case "/healthz" -> probe(exchange, "healthz", liveness);
      case "/readyz" -> probe(exchange, "readyz", readiness);
      default -> respond(exchange, 404, "no " + path + " here: /healthz, /readyz, /metrics\n");
    }
  }

  private static void probe(HttpExchange exchange, String name, HealthChecks checks)
      throws IOException {
    HealthReport report = checks.run();
    String query = exchange.getRequestURI().getQuery();
    boolean verbose = query != null && query.matches("(.*&)?verbose(=[^&]*)?(&.*)?");
    respond(exchange, report.healthy() ? 200 : 503, report.describe(name, verbose));
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    try (exchange) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      boolean head = "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }
}
