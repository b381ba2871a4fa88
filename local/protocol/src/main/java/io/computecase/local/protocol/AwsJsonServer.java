package io.computecase.local.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP server on loopback speaking one AWS JSON protocol (1.0 or 1.1): a POST to {@code /} whose
 * {@code X-Amz-Target} header is {@code <TargetPrefix>.<Operation>} is served by that operation's
 * handler. Errors come back in AWS's JSON error shape ({@code __type}, {@code message}) with the
 * {@code x-amzn-ErrorType} header and the error's HTTP status, so unmodified AWS SDKs and the AWS
 * CLI understand them.
 *
 * <p>Connections are served by one Vert.x event loop, which only reads requests and writes
 * responses; operations run on the server's own threads, since some block (long polls, synchronous
 * executions). The JDK's built-in server, used before, cost several times more CPU per request, and
 * a fan-out answers every item with a request.
 */
public final class AwsJsonServer implements AwsJsonService, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AwsJsonServer.class);

  private final Vertx vertx;
  private final HttpServer server;
  private final ExecutorService executor;
  private final String targetPrefix;
  private final String contentType;
  private final Map<String, OperationHandler> operations;
  private final Set<String> nonBlocking;
  private final int queueCapacity;

  /**
   * The largest request body read: above any valid request (a state machine definition is at most 1
   * MiB, escaped in the JSON request; payloads at most 256 KiB), so that no client can make the
   * server buffer without end.
   */
  public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

  /** How long a refused request's connection stays open to drain the body it was sending. */
  static final long LINGER_MS = 2_000;

  private AwsJsonServer(Builder builder) {
    this.targetPrefix = builder.targetPrefix;
    this.contentType = "application/x-amz-json-" + builder.protocolVersion;
    this.operations = Map.copyOf(builder.operations);
    this.nonBlocking = Set.copyOf(builder.nonBlocking);
    this.queueCapacity = builder.queueCapacity;
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            builder.threads,
            builder.threads,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(builder.queueCapacity),
            r -> {
              Thread t = new Thread(r, builder.targetPrefix + "-http-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.vertx =
        Vertx.vertx(
            new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)
                .setPreferNativeTransport(false));
    this.server =
        vertx
            .createHttpServer(
                new HttpServerOptions()
                    .setHost(InetAddress.getLoopbackAddress().getHostAddress())
                    .setPort(builder.port)
                    .setAcceptBacklog(1024)
                    .setTcpNoDelay(true)
                    .setHandle100ContinueAutomatically(true)
                    .setIdleTimeout(120)
                    .setIdleTimeoutUnit(TimeUnit.SECONDS))
            .requestHandler(this::receive);
    try {
      server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      close();
      throw new IllegalStateException(
          "Cannot bind " + targetPrefix + " on port " + builder.port + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("Interrupted while binding " + targetPrefix, e);
    }
  }

  public static Builder builder(String targetPrefix, String protocolVersion) {
    return new Builder(targetPrefix, protocolVersion);
  }

  /** The bound port (useful when the builder asked for port 0, any free port). */
  public int port() {
    return server.actualPort();
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
  public boolean blocks(String operation) {
    return !nonBlocking.contains(operation);
  }

  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("{} server did not close cleanly: {}", targetPrefix, e.getMessage());
    }
    executor.shutdownNow();
  }

  private void receive(HttpServerRequest request) {
    String length = request.getHeader("Content-Length");
    if (length != null && declaredTooLarge(length)) {
      refuseTooLarge(request);
      return;
    }
    readBody(request)
        .onSuccess(
            raw -> {
              if (nonBlocking.contains(operationOf(request))) {
                // Served where it was read: no hand-off to a thread and back for the answer.
                serve(request, raw);
                return;
              }
              try {
                executor.execute(() -> serve(request, raw));
              } catch (RejectedExecutionException rejected) {
                if (executor.isShutdown()) {
                  request.response().setStatusCode(503).end();
                } else {
                  // every thread busy and the queue full: what AWS answers a caller going too
                  // fast, which the SDKs retry with backoff
                  writeError(
                      request,
                      new AwsServiceException(
                          "ThrottlingException",
                          "Rate exceeded: " + queueCapacity + " requests are already waiting"));
                }
              }
            })
        .onFailure(
            e -> {
              if (!request.response().ended()) {
                request.response().setStatusCode(400).end();
              }
            });
  }

  private static boolean declaredTooLarge(String contentLength) {
    try {
      return Long.parseLong(contentLength.strip()) > MAX_BODY_BYTES;
    } catch (NumberFormatException e) {
      return false; // the body is measured as it arrives
    }
  }

  /** The body, up to {@link #MAX_BODY_BYTES}; past that the request is refused as it arrives. */
  private Future<Buffer> readBody(HttpServerRequest request) {
    Promise<Buffer> body = Promise.promise();
    Buffer collected = Buffer.buffer();
    request.handler(
        chunk -> {
          if (body.future().isComplete()) {
            return;
          }
          if (collected.length() + chunk.length() > MAX_BODY_BYTES) {
            // answered now; the rest of the body is read and dropped, never kept
            refuseTooLarge(request);
            body.tryFail("too large");
            return;
          }
          collected.appendBuffer(chunk);
        });
    request.endHandler(done -> body.tryComplete(collected));
    request.exceptionHandler(body::tryFail);
    return body.future();
  }

  /**
   * Answers 413 and ends the connection: the rest of the body is read and dropped, never kept,
   * until it ends or {@link #LINGER_MS} pass (a lingering close, so the answer reaches a client
   * still writing instead of being lost to a connection reset).
   */
  private void refuseTooLarge(HttpServerRequest request) {
    request.response().putHeader("Connection", "close");
    writeError(
        request,
        new AwsServiceException(
            "RequestEntityTooLargeException",
            413,
            "Request body over "
                + MAX_BODY_BYTES
                + " bytes: no "
                + targetPrefix
                + " request is that large (payloads are limited to 256 KiB)"));
    HttpConnection connection = request.connection();
    long timer = vertx.setTimer(LINGER_MS, t -> connection.close());
    request.endHandler(
        done -> {
          vertx.cancelTimer(timer);
          connection.close();
        });
  }

  private void writeError(HttpServerRequest request, AwsServiceException e) {
    byte[] bytes = errorBody(e.code(), e.getMessage()).toString().getBytes(StandardCharsets.UTF_8);
    request
        .response()
        .setStatusCode(e.httpStatus())
        .putHeader("Content-Type", contentType)
        .putHeader("x-amzn-ErrorType", e.code())
        .putHeader("x-amzn-RequestId", Uuids.random().toString())
        .end(Buffer.buffer(bytes));
  }

  private void serve(HttpServerRequest request, Buffer raw) {
    String requestId = Uuids.random().toString();
    var response = request.response();
    int status;
    JsonNode body;
    try {
      body = dispatch(request, raw);
      status = 200;
    } catch (AwsServiceException e) {
      status = e.httpStatus();
      body = errorBody(e.code(), e.getMessage());
      response.putHeader("x-amzn-ErrorType", e.code());
    } catch (RuntimeException e) {
      LOG.error("{} request {} failed", targetPrefix, requestId, e);
      status = 500;
      body = errorBody("InternalFailure", "Internal error: " + e);
      response.putHeader("x-amzn-ErrorType", "InternalFailure");
    }
    byte[] bytes;
    try {
      bytes = AwsJson.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      LOG.error("{} request {}: the answer cannot be written as JSON", targetPrefix, requestId, e);
      status = 500;
      bytes =
          AwsJson.MAPPER.createObjectNode().put("__type", "InternalFailure").toString().getBytes();
      response.putHeader("x-amzn-ErrorType", "InternalFailure");
    }
    response
        .setStatusCode(status)
        .putHeader("Content-Type", contentType)
        .putHeader("x-amzn-RequestId", requestId)
        .end(Buffer.buffer(bytes));
  }

  private String operationOf(HttpServerRequest request) {
    String target = request.getHeader("X-Amz-Target");
    return target != null && target.startsWith(targetPrefix + ".")
        ? target.substring(targetPrefix.length() + 1)
        : "";
  }

  private JsonNode dispatch(HttpServerRequest http, Buffer raw) {
    if (http.method() != HttpMethod.POST) {
      throw new AwsServiceException(
          "UnknownOperationException", 404, "Only POST requests are served at this endpoint");
    }
    String target = http.getHeader("X-Amz-Target");
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
      request =
          raw.length() == 0
              ? AwsJson.MAPPER.createObjectNode()
              : AwsJson.MAPPER.readTree(raw.getBytes());
    } catch (JsonProcessingException e) {
      throw new AwsServiceException(
          "SerializationException", "Request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new AwsServiceException("SerializationException", "Request body cannot be read");
    }
    if (request == null || !request.isObject()) {
      throw new AwsServiceException("SerializationException", "Request body must be a JSON object");
    }
    return invoke(operation, request);
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
    private final Set<String> nonBlocking = new HashSet<>();
    private int port;
    private int threads = 32;
    private int queueCapacity = 10_000;

    private Builder(String targetPrefix, String protocolVersion) {
      this.targetPrefix = targetPrefix;
      this.protocolVersion = protocolVersion;
    }

    public Builder operation(String name, OperationHandler handler) {
      operations.put(name, handler);
      nonBlocking.remove(name);
      return this;
    }

    /**
     * An operation that never blocks and is short (a task token's answer, a put of events): it is
     * served on the thread that read the request, which saves two thread hand-offs per request.
     */
    public Builder nonBlockingOperation(String name, OperationHandler handler) {
      operations.put(name, handler);
      nonBlocking.add(name);
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

    /**
     * Requests that may wait for a free thread; past that they are answered ThrottlingException, so
     * a flood cannot grow the server's memory without end.
     */
    public Builder queueCapacity(int queueCapacity) {
      if (queueCapacity < 1) {
        throw new IllegalArgumentException(
            "queueCapacity must be at least 1, got " + queueCapacity);
      }
      this.queueCapacity = queueCapacity;
      return this;
    }

    public AwsJsonServer start() {
      return new AwsJsonServer(this);
    }
  }
}
