package io.computecase.local.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * One local AWS JSON API over HTTP, as a client that sends anything sees it: sends a raw call and
 * says what is wrong with the answer to a malformed one, measured against AWS's JSON error shape.
 */
final class AwsJsonEndpoint {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** Far above any answer here; a request still unanswered then is a hang, and fails its case. */
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final String api;
  private final URI endpoint;
  private final String targetPrefix;
  private final String contentType;

  AwsJsonEndpoint(String api, URI endpoint, String targetPrefix, String protocolVersion) {
    this.api = api;
    this.endpoint = endpoint;
    this.targetPrefix = targetPrefix;
    this.contentType = "application/x-amz-json-" + protocolVersion;
  }

  String api() {
    return api;
  }

  /** {@code <prefix>.<operation>}, the target of an operation of this API. */
  String target(String operation) {
    return targetPrefix + "." + operation;
  }

  /** The status and body of a call, or the exception that stood for an answer. */
  record Answer(int status, String body, Exception failure) {
    @Override
    public String toString() {
      return failure != null
          ? "no answer: " + failure
          : status + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
  }

  Answer send(AwsCall call) {
    HttpRequest.BodyPublisher body =
        call.chunked()
            // no declared length: the body goes chunked and is measured as it arrives
            ? HttpRequest.BodyPublishers.fromPublisher(
                subscriber ->
                    HttpRequest.BodyPublishers.ofByteArray(call.body()).subscribe(subscriber))
            : HttpRequest.BodyPublishers.ofByteArray(call.body());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.resolve("/"))
            .timeout(PATIENCE)
            .header("Content-Type", contentType)
            .method(call.method(), body);
    if (call.target() != null) {
      request.header("X-Amz-Target", call.target());
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body(), null);
    } catch (IOException e) {
      return new Answer(0, "", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, "", e);
    }
  }

  /** What is wrong with the answer to a malformed call; empty when it is a 4xx in AWS's shape. */
  Optional<String> refusalProblem(AwsCall call) {
    Answer answer = send(call);
    if (answer.failure() != null || answer.status() < 400 || answer.status() > 499) {
      return Optional.of(describe(call, answer, "a 4xx"));
    }
    JsonNode error;
    try {
      error = MalformedBodies.JSON.readTree(answer.body());
    } catch (IOException e) {
      return Optional.of(describe(call, answer, "a JSON error body"));
    }
    if (error == null
        || !error.path("__type").isTextual()
        || error.path("__type").asText().isBlank()
        || !(error.path("message").isTextual() || error.path("Message").isTextual())) {
      return Optional.of(describe(call, answer, "{\"__type\": <code>, \"message\": <text>}"));
    }
    return Optional.empty();
  }

  /** Sends a valid call and returns its answer's body; fails unless it is answered 200. */
  JsonNode ok(String operation, String body) {
    AwsCall call = AwsCall.post("valid " + operation, target(operation), body);
    Answer answer = send(call);
    if (answer.failure() != null || answer.status() != 200) {
      throw new AssertionError(describe(call, answer, "200"));
    }
    try {
      return MalformedBodies.JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new AssertionError(describe(call, answer, "a JSON body"), e);
    }
  }

  private String describe(AwsCall call, Answer answer, String expected) {
    return api + " [" + call.label() + "]: expected " + expected + ", got " + answer;
  }
}
