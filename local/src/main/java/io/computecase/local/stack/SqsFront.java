package io.computecase.local.stack;

import io.computecase.local.protocol.AwsJson;
import io.computecase.local.protocol.AwsJsonServer;
import io.computecase.local.protocol.Uuids;
import io.netty.buffer.ByteBuf;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded SQS's public endpoint: an HTTP server on loopback in front of ElasticMQ, which
 * listens on a loopback port of its own. A request of SQS's JSON protocol is checked first ({@link
 * SqsRequestCheck}) and, when SQS would refuse it, answered here in SQS's JSON error shape; every
 * other request, the SQS Query protocol's form-encoded ones included, goes to ElasticMQ as its
 * bytes and headers came, and ElasticMQ's answer comes back as it was written.
 *
 * <p>One Vert.x event loop does it all, the check included, with a pool of keep-alive connections
 * to ElasticMQ: a request costs a hop over loopback and a parse of its body, never a thread
 * hand-off or a rewrite of the body.
 */
final class SqsFront implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SqsFront.class);

  /** As the local AWS servers bound bodies: far above any SQS request (256 KiB of messages). */
  static final int MAX_BODY_BYTES = AwsJsonServer.MAX_BODY_BYTES;

  /**
   * How long a refused oversized request's connection stays open to drain the body it was sending.
   */
  static final long LINGER_MS = 2_000;

  /**
   * Connections to ElasticMQ: each holds one request at a time, a long poll for up to 20 s, so as
   * many as ElasticMQ accepts (Pekko HTTP's default, 1024). They open only as needed.
   */
  static final int MAX_CONNECTIONS = 1024;

  /**
   * The longest silence on a forwarded request: beyond the 20 s of the longest long poll and the 60
   * s after which ElasticMQ answers a request it has not served itself.
   */
  static final int REQUEST_IDLE_SECONDS = 90;

  /** Below ElasticMQ's 120 s idle timeout, so a pooled connection is never reused as it closes. */
  static final int KEEP_ALIVE_SECONDS = 60;

  /** Headers of one connection, not of the request or answer it carries (RFC 9110, 7.6.1). */
  private static final List<CharSequence> HOP_BY_HOP =
      List.of(
          HttpHeaders.CONNECTION,
          HttpHeaders.KEEP_ALIVE,
          "Proxy-Connection",
          HttpHeaders.TRANSFER_ENCODING,
          "TE",
          "Trailer",
          HttpHeaders.UPGRADE,
          HttpHeaders.EXPECT,
          HttpHeaders.HOST,
          HttpHeaders.CONTENT_LENGTH);

  private static final String JSON_CONTENT_TYPE = "application/x-amz-json-1.0";

  private final Vertx vertx;
  private final HttpServer server;
  private final HttpClient elasticMq;
  private final SqsRequestCheck check;

  private SqsFront(int port, int elasticMqPort, SqsRequestCheck check) {
    this.check = check;
    String loopback = InetAddress.getLoopbackAddress().getHostAddress();
    this.vertx =
        Vertx.vertx(
            new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)
                .setPreferNativeTransport(false));
    this.elasticMq =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setDefaultHost(loopback)
                .setDefaultPort(elasticMqPort)
                .setKeepAlive(true)
                .setKeepAliveTimeout(KEEP_ALIVE_SECONDS)
                .setTcpNoDelay(true)
                .setConnectTimeout(5_000),
            new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS));
    this.server =
        vertx
            .createHttpServer(
                new HttpServerOptions()
                    .setHost(loopback)
                    .setPort(port)
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
      throw new IllegalStateException("Cannot bind SQS on port " + port + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("Interrupted while binding SQS", e);
    }
  }

  /**
   * Serves SQS on {@code port} (0: any free one) of 127.0.0.1, in front of ElasticMQ on {@code
   * elasticMqPort}.
   */
  static SqsFront start(int port, int elasticMqPort) {
    return new SqsFront(
        port,
        elasticMqPort,
        new SqsRequestCheck(SqsShapes.fromSdkModel(), AwsJson.MAPPER.getFactory()));
  }

  int port() {
    return server.actualPort();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + port());
  }

  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("SQS front did not close cleanly: {}", e.getMessage());
    }
  }

  private void receive(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && declaredTooLarge(length)) {
      refuseTooLarge(request);
      return;
    }
    readBody(request).onSuccess(body -> serve(request, body));
  }

  private void serve(HttpServerRequest request, Buffer body) {
    if (speaksJson(request)) {
      try {
        checkJson(request, body);
      } catch (SqsRefusal refusal) {
        answer(request.response(), refusal);
        return;
      }
    }
    forward(request, body);
  }

  /**
   * A request of SQS's JSON protocol: a POST naming its operation in {@code X-Amz-Target} or typed
   * as AWS JSON. The Query protocol's requests (form-encoded, or a GET's query string) name it in
   * {@code Action}, and ElasticMQ checks those itself.
   */
  private static boolean speaksJson(HttpServerRequest request) {
    if (!HttpMethod.POST.equals(request.method())) {
      return false;
    }
    String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
    return request.getHeader("X-Amz-Target") != null
        || (contentType != null && contentType.startsWith("application/x-amz-json"));
  }

  private void checkJson(HttpServerRequest request, Buffer body) throws SqsRefusal {
    ByteBuf bytes = body.getByteBuf();
    String target = request.getHeader("X-Amz-Target");
    if (bytes.hasArray()) {
      check.check(
          target, bytes.array(), bytes.arrayOffset() + bytes.readerIndex(), bytes.readableBytes());
    } else {
      byte[] copy = body.getBytes();
      check.check(target, copy, 0, copy.length);
    }
  }

  /** Sends the request to ElasticMQ as it came, and its answer back as ElasticMQ wrote it. */
  private void forward(HttpServerRequest request, Buffer body) {
    HttpServerResponse response = request.response();
    RequestOptions options =
        new RequestOptions()
            .setMethod(request.method())
            .setURI(request.uri())
            .setIdleTimeout(TimeUnit.SECONDS.toMillis(REQUEST_IDLE_SECONDS));
    elasticMq
        .request(options)
        .onFailure(e -> unavailable(response, e))
        .onSuccess(
            outgoing -> {
              copyHeaders(request.headers(), outgoing.headers());
              // a caller that goes away stops its long poll, rather than leave ElasticMQ to hand
              // messages to nobody
              response.closeHandler(closed -> outgoing.reset());
              outgoing
                  .send(body)
                  .onFailure(e -> unavailable(response, e))
                  .onSuccess(answer -> relay(answer, response));
            });
  }

  private static void relay(HttpClientResponse answer, HttpServerResponse response) {
    response.setStatusCode(answer.statusCode()).setStatusMessage(answer.statusMessage());
    copyHeaders(answer.headers(), response.headers());
    String length = answer.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null) {
      response.putHeader(HttpHeaders.CONTENT_LENGTH, length);
    } else {
      response.setChunked(true);
    }
    answer.pipeTo(response);
  }

  private static void copyHeaders(MultiMap from, MultiMap to) {
    to.addAll(from);
    for (CharSequence header : HOP_BY_HOP) {
      to.remove(header);
    }
  }

  private void unavailable(HttpServerResponse response, Throwable cause) {
    if (response.closed()) {
      return;
    }
    if (response.headWritten()) {
      response.reset(); // part of ElasticMQ's answer went out: the caller must not take it whole
      return;
    }
    LOG.warn("An SQS request was not served by ElasticMQ: {}", cause.toString());
    answer(
        response, SqsRefusal.unavailable("The embedded SQS did not answer: " + cause.getMessage()));
  }

  private static void answer(HttpServerResponse response, SqsRefusal refusal) {
    response
        .setStatusCode(refusal.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, JSON_CONTENT_TYPE)
        .putHeader("x-amzn-RequestId", Uuids.random().toString());
    if (refusal.queryError() != null) {
      response.putHeader("x-amzn-query-error", refusal.queryError());
    }
    response.end(Buffer.buffer(refusal.body()));
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
   * until it ends or {@link #LINGER_MS} pass, so the answer reaches a client still writing instead
   * of being lost to a connection reset.
   */
  private void refuseTooLarge(HttpServerRequest request) {
    HttpServerResponse response = request.response();
    response.putHeader(HttpHeaders.CONNECTION, "close");
    answer(response, SqsRefusal.tooLarge(MAX_BODY_BYTES));
    HttpConnection connection = request.connection();
    long timer = vertx.setTimer(LINGER_MS, t -> connection.close());
    request.endHandler(
        done -> {
          vertx.cancelTimer(timer);
          connection.close();
        });
  }
}
