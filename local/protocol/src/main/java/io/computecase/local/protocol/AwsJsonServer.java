package io.computecase.local.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP server on loopback speaking one AWS JSON protocol (1.0 or 1.1): a POST to {@code /}
 * whose {@code X-Amz-Target} header is {@code <TargetPrefix>.<Operation>} is served by that
 * operation's handler. Errors come back in AWS's JSON error shape ({@code __type}, {@code
 * message}) with the {@code x-amzn-ErrorType} header and the error's HTTP status, so unmodified
 * AWS SDKs and the AWS CLI understand them.
 */
public final class AwsJsonServer implements AwsJsonService, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AwsJsonServer.class);

  static {
    // The JDK server leaves Nagle's algorithm on, which delays every small response by up to
    // ~40 ms against the client's delayed ACK. It reads this property once, when its first server
    // is created in the JVM, so it is set here, before any AwsJsonServer exists.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final String targetPrefix;
  private final String contentType;
  private final Map<String, OperationHandler> operations;

  private AwsJsonServer(Builder builder) throws IOException {
    this.targetPrefix = builder.targetPrefix;
    this.contentType = "application/x-amz-json-" + builder.protocolVersion;
    this.operations = Map.copyOf(builder.operations);
    this.server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 1024);
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            builder.threads,
            builder.threads,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, builder.targetPrefix + "-http-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    server.start();
  }

  public static Builder builder(String targetPrefix, String protocolVersion) {
    return new Builder(targetPrefix, protocolVersion);
  }

  /** The bound port (useful when the builder asked for port 0, any free port). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The endpoint URL to give an AWS client as its endpoint override. */
  public String endpoint() {
    return "http://127.0.0.1:" + port();
  }

  /** Serves one operation in process, exactly as an HTTP request for it would be served. */
  @Override
  public JsonNode invoke(String operation, JsonNode request) {
    OperationHandler handler = operations.get(operation);
    if (handler == null) {
      throw new AwsServiceException("UnknownOperationException", "Unknown operation " + operation);
    }
    return handler.handle(request);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void serve(HttpExchange exchange) throws IOException {
    String requestId = UUID.randomUUID().toString();
    try (exchange) {
      int status;
      JsonNode body;
      try {
        body = dispatch(exchange);
        status = 200;
      } catch (AwsServiceException e) {
        status = e.httpStatus();
        body = errorBody(e.code(), e.getMessage());
        exchange.getResponseHeaders().add("x-amzn-ErrorType", e.code());
      } catch (RuntimeException e) {
        LOG.error("{} request {} failed", targetPrefix, requestId, e);
        status = 500;
        body = errorBody("InternalFailure", "Internal error: " + e);
        exchange.getResponseHeaders().add("x-amzn-ErrorType", "InternalFailure");
      }
      byte[] bytes = AwsJson.MAPPER.writeValueAsBytes(body);
      exchange.getResponseHeaders().add("Content-Type", contentType);
      exchange.getResponseHeaders().add("x-amzn-RequestId", requestId);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private JsonNode dispatch(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      drain(exchange.getRequestBody());
      throw new AwsServiceException(
          "UnknownOperationException", 404, "Only POST requests are served at this endpoint");
    }
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    byte[] raw = exchange.getRequestBody().readAllBytes();
    if (target == null || !target.startsWith(targetPrefix + ".")) {
      throw new AwsServiceException(
          "UnknownOperationException",
          "Missing or foreign X-Amz-Target header; expected " + targetPrefix + ".<Operation>");
    }
    String operation = target.substring(targetPrefix.length() + 1);
    if (!operations.containsKey(operation)) {
      throw new AwsServiceException("UnknownOperationException", "Unknown operation " + operation);
    }
    JsonNode request;
    try {
      request = raw.length == 0 ? AwsJson.MAPPER.createObjectNode() : AwsJson.MAPPER.readTree(raw);
    } catch (JsonProcessingException e) {
      throw new AwsServiceException(
          "SerializationException",
          "Request body is not valid JSON: " + e.getOriginalMessage());
    }
    if (request == null || !request.isObject()) {
      throw new AwsServiceException(
          "SerializationException", "Request body must be a JSON object");
    }
    return invoke(operation, request);
  }

  private static void drain(InputStream in) throws IOException {
    in.readAllBytes();
  }

  private static ObjectNode errorBody(String code, String message) {
    ObjectNode error = AwsJson.MAPPER.createObjectNode();
    error.put("__type", code);
    error.put("message", message);
    return error;
  }

  /** Builds a server: the protocol's target prefix, its version, and one handler per operation. */
  public static final class Builder {
    private final String targetPrefix;
    private final String protocolVersion;
    private final Map<String, OperationHandler> operations = new HashMap<>();
    private int port;
    private int threads = 32;

    private Builder(String targetPrefix, String protocolVersion) {
      this.targetPrefix = targetPrefix;
      this.protocolVersion = protocolVersion;
    }

    public Builder operation(String name, OperationHandler handler) {
      operations.put(name, handler);
      return this;
    }

    /** The port to bind on 127.0.0.1; 0 (the default) takes any free port. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Request-serving threads; handlers that block (long polls, sync executions) need more. */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    public AwsJsonServer start() {
      try {
        return new AwsJsonServer(this);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot bind " + targetPrefix + " on port " + port, e);
      }
    }
  }
}
