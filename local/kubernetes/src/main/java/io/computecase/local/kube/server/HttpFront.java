package io.computecase.local.kube.server;

import io.computecase.local.kube.auth.RequestAuthentication;
import io.computecase.local.kube.auth.ServingCertificate;
import io.computecase.local.kube.discovery.ResourceCatalog;
import io.computecase.local.kube.discovery.ResourcePath;
import io.computecase.local.kube.discovery.ResourceType;
import io.computecase.local.kube.store.ResourceChange;
import io.computecase.local.kube.table.TableConverter;
import io.computecase.local.kube.validation.InvalidObjectException;
import io.computecase.local.kube.watch.WatchEvents;
import io.computecase.local.kube.watch.WatchHub;
import io.computecase.local.kube.watch.WatchRequest;
import io.computecase.local.kube.watch.WatchSink;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.PemKeyCertOptions;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS listener: requests without the bearer token are answered 401 as kube-apiserver answers
 * them; the rest go to the {@link ApiServerDispatcher} on a worker thread, except watches, which
 * stay open and stream events, as chunked JSON lines (kubectl, client-go) or WebSocket frames
 * (fabric8 clients).
 */
public final class HttpFront implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);

  private final Vertx vertx = Vertx.vertx();
  private final ApiServerDispatcher dispatcher;
  private final WatchHub hub;
  private final ResourceCatalog catalog;
  private final TableConverter tables;
  private final RequestAuthentication authentication;
  private final ServingCertificate certificate;
  private HttpServer server;

  /** How long a watch ended for lagging may take to flush before its connection is closed. */
  private static final long LAGGING_CLOSE_MILLIS = 10_000;

  /** The API server's limit on a request body (its MaxRequestBodyBytes), 3 MiB. */
  static final int MAX_BODY_BYTES = 3 * 1024 * 1024;

  public HttpFront(
      ApiServerDispatcher dispatcher,
      WatchHub hub,
      ResourceCatalog catalog,
      TableConverter tables,
      RequestAuthentication authentication,
      ServingCertificate certificate) {
    this.dispatcher = dispatcher;
    this.hub = hub;
    this.catalog = catalog;
    this.tables = tables;
    this.authentication = authentication;
    this.certificate = certificate;
  }

  /** Starts listening; returns the bound port. */
  public int start(String host, int port) {
    try {
      server =
          vertx
              .createHttpServer(
                  new HttpServerOptions()
                      .setHost(host)
                      .setPort(port)
                      .setCompressionSupported(false)
                      // kubectl sends its bearer token over TLS only
                      .setSsl(true)
                      .setKeyCertOptions(
                          new PemKeyCertOptions()
                              .setCertValue(
                                  io.vertx.core.buffer.Buffer.buffer(certificate.certificatePem()))
                              .setKeyValue(
                                  io.vertx.core.buffer.Buffer.buffer(certificate.privateKeyPem()))))
              .requestHandler(this::route)
              .listen()
              .toCompletionStage()
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      return server.actualPort();
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  private void route(HttpServerRequest request) {
    // before anything else, as kube-apiserver authenticates before it looks at the request
    if (!authentication.admits(request.path(), request.getHeader("Authorization"))) {
      write(request.response(), ApiResponses.status(401, "Unauthorized", "Unauthorized", null));
      return;
    }
    String length = request.getHeader("Content-Length");
    if (length != null && tooLarge(length)) {
      write(
          request.response(),
          ApiResponses.status(
              413,
              "RequestEntityTooLarge",
              "Request entity too large: limit is " + MAX_BODY_BYTES,
              null));
      return;
    }
    Optional<ResourcePath> path = ResourcePath.parse(request.uri());
    Optional<ResourceType> type =
        path.flatMap(p -> catalog.find(p.group(), p.version(), p.plural()));
    boolean watch =
        request.method() == io.vertx.core.http.HttpMethod.GET
            && path.map(ResourcePath::isWatch).orElse(false)
            && type.isPresent();
    if (watch && !watchOptionsParse(request, path.get())) {
      return;
    }
    if (watch && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
      request.toWebSocket().onSuccess(socket -> watchOverWebSocket(socket, path.get(), type.get()));
    } else if (watch) {
      watchOverHttp(request, path.get(), type.get());
    } else {
      readBody(request)
          .onSuccess(
              body ->
                  vertx
                      .<MockResponse>executeBlocking(
                          () ->
                              dispatcher.dispatch(
                                  new RecordedRequest(
                                      request.version().alpnName().toUpperCase(Locale.ROOT),
                                      HttpMethod.fromVertx(request.method()),
                                      request.uri(),
                                      Headers.builder().addAll(request.headers()).build(),
                                      new Buffer(body.getBytes()))),
                          false)
                      .onSuccess(response -> write(request.response(), response))
                      .onFailure(
                          failure -> {
                            LOG.warn("{} {} failed", request.method(), request.uri(), failure);
                            write(
                                request.response(),
                                ApiResponses.status(
                                    500,
                                    "InternalError",
                                    "the embedded API server failed: " + failure,
                                    null));
                          }));
    }
  }

  /**
   * Checks a watch's ListOptions as a list's are checked, before anything is streamed or a
   * WebSocket accepted: a watch that does not parse is answered 400 with a Status, as the API
   * server answers it, never served with a timeout or a start it cannot honour.
   */
  private static boolean watchOptionsParse(HttpServerRequest request, ResourcePath path) {
    try {
      QueryParameters.checkList(path);
      return true;
    } catch (InvalidObjectException e) {
      write(request.response(), ApiResponses.status(e, path));
      return false;
    }
  }

  private static boolean tooLarge(String contentLength) {
    try {
      return Long.parseLong(contentLength.strip()) > MAX_BODY_BYTES;
    } catch (NumberFormatException e) {
      return false; // the body's own length is checked as it arrives
    }
  }

  /**
   * The request's body, read up to {@link #MAX_BODY_BYTES}: a longer one (chunked, with no length
   * given) is answered 413 as it passes the limit, never buffered whole.
   */
  private static Future<io.vertx.core.buffer.Buffer> readBody(HttpServerRequest request) {
    Promise<io.vertx.core.buffer.Buffer> body = Promise.promise();
    io.vertx.core.buffer.Buffer collected = io.vertx.core.buffer.Buffer.buffer();
    request.handler(
        chunk -> {
          if (body.future().isComplete()) {
            return;
          }
          if (collected.length() + chunk.length() > MAX_BODY_BYTES) {
            // answered now; the rest of the body is read and dropped, never kept
            write(
                request.response(),
                ApiResponses.status(
                    413,
                    "RequestEntityTooLarge",
                    "Request entity too large: limit is " + MAX_BODY_BYTES,
                    null));
            body.fail("too large");
            return;
          }
          collected.appendBuffer(chunk);
        });
    request.endHandler(done -> body.tryComplete(collected));
    request.exceptionHandler(body::tryFail);
    return body.future();
  }

  private static void write(HttpServerResponse out, MockResponse response) {
    out.setStatusCode(response.code());
    response.getHeaders().toMultimap().forEach(out::putHeader);
    byte[] body = response.getBody() == null ? new byte[0] : response.getBody().getBytes();
    out.end(io.vertx.core.buffer.Buffer.buffer(body));
  }

  private WatchEvents events(HttpServerRequest request, ResourcePath path, ResourceType type) {
    return new WatchEvents(
        type,
        tables,
        TableConverter.wantsTable(request.getHeader("Accept")),
        path.query().get("includeObject"));
  }

  private void watchOverHttp(HttpServerRequest request, ResourcePath path, ResourceType type) {
    HttpServerResponse out =
        request
            .response()
            .setChunked(true)
            .putHeader("Content-Type", "application/json")
            .putHeader("Cache-Control", "no-cache, private");
    out.write(""); // send the headers now: the client waits for them before reading events
    WatchEvents events = events(request, path, type);
    Context context = vertx.getOrCreateContext();
    WatchHub.Subscription subscription =
        hub.subscribe(
            WatchRequest.of(path),
            new WatchSink() {
              @Override
              public String encode(ResourceChange change) {
                return events.encode(change) + "\n";
              }

              @Override
              public void execute(Runnable task) {
                context.runOnContext(ignored -> task.run());
              }

              @Override
              public boolean backedUp() {
                // an ended response refuses the question; there is nothing more to write anyway
                return !out.ended() && !out.closed() && out.writeQueueFull();
              }

              @Override
              public void whenDrained(Runnable then) {
                if (out.ended() || out.closed()) {
                  return;
                }
                out.drainHandler(
                    ignored -> {
                      out.drainHandler(null);
                      then.run();
                    });
              }

              @Override
              public void write(String event) {
                if (!out.closed() && !out.ended()) {
                  out.write(event);
                }
              }

              @Override
              public void fail(int code, String reason, String message) {
                if (!out.ended() && !out.closed()) {
                  out.end(
                      WatchEvents.error(ApiResponses.statusBody(code, reason, message, null))
                          + "\n");
                }
              }

              @Override
              public void end() {
                if (out.ended() || out.closed()) {
                  return;
                }
                // the end waits behind what the client has not read; a client that never reads
                // again loses the connection, so its buffers are freed too
                long timer =
                    vertx.setTimer(LAGGING_CLOSE_MILLIS, ignored -> request.connection().close());
                out.end().onComplete(ignored -> vertx.cancelTimer(timer));
              }
            });
    out.closeHandler(ignored -> subscription.close());
    request.connection().closeHandler(ignored -> subscription.close());
    endAfterTimeout(
        path,
        () -> {
          subscription.close();
          if (!out.ended() && !out.closed()) {
            out.end();
          }
        });
  }

  private void watchOverWebSocket(ServerWebSocket socket, ResourcePath path, ResourceType type) {
    WatchEvents events = new WatchEvents(type, tables, false, null);
    Context context = vertx.getOrCreateContext();
    WatchHub.Subscription subscription =
        hub.subscribe(
            WatchRequest.of(path),
            new WatchSink() {
              @Override
              public String encode(ResourceChange change) {
                return events.encode(change);
              }

              @Override
              public void execute(Runnable task) {
                context.runOnContext(ignored -> task.run());
              }

              @Override
              public boolean backedUp() {
                return !socket.isClosed() && socket.writeQueueFull();
              }

              @Override
              public void whenDrained(Runnable then) {
                if (socket.isClosed()) {
                  return;
                }
                socket.drainHandler(
                    ignored -> {
                      socket.drainHandler(null);
                      then.run();
                    });
              }

              @Override
              public void write(String event) {
                if (!socket.isClosed()) {
                  socket.writeTextMessage(event);
                }
              }

              @Override
              public void fail(int code, String reason, String message) {
                if (!socket.isClosed()) {
                  socket.writeTextMessage(
                      WatchEvents.error(ApiResponses.statusBody(code, reason, message, null)));
                  socket.close();
                }
              }

              @Override
              public void end() {
                // Vert.x drops the connection when the client does not answer the close in time
                if (!socket.isClosed()) {
                  socket.close();
                }
              }
            });
    socket.closeHandler(ignored -> subscription.close());
    endAfterTimeout(
        path,
        () -> {
          subscription.close();
          if (!socket.isClosed()) {
            socket.close();
          }
        });
  }

  private void endAfterTimeout(ResourcePath path, Runnable end) {
    long timeout = QueryParameters.timeoutSeconds(path);
    if (timeout > 0) {
      vertx.setTimer(TimeUnit.SECONDS.toMillis(timeout), id -> end.run());
    }
  }

  @Override
  public void close() {
    try {
      if (server != null) {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      }
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("closing the API server listener failed", e);
    }
  }
}
