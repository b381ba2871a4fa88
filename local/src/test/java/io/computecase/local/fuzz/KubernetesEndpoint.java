package io.computecase.local.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Kubernetes API server as a client that sends anything sees it. Requests go through the
 * fabric8 client's own HTTP client, from its master URL, so they carry whatever TLS trust and
 * credentials its Config holds, as every other client of the stack does.
 */
final class KubernetesEndpoint {
  private final HttpClient http;
  private final String base;

  KubernetesEndpoint(KubernetesClient client) {
    this.http = client.getHttpClient();
    String master = client.getConfiguration().getMasterUrl();
    this.base = master.endsWith("/") ? master.substring(0, master.length() - 1) : master;
  }

  /** One raw request: what it breaks, method, path with query, Content-Type and body (or null). */
  record KubeCall(String label, String method, String path, String contentType, byte[] body) {
    static KubeCall of(String label, String method, String path, String contentType, String body) {
      return new KubeCall(
          label,
          method,
          path,
          contentType,
          body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    String bodyText() {
      return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return label;
    }
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

  Answer send(KubeCall call) {
    HttpRequest.Builder request = http.newHttpRequestBuilder().uri(base + call.path());
    if (call.body() != null) {
      request.method(
          call.method(),
          call.contentType(),
          new ByteArrayInputStream(call.body()),
          (long) call.body().length);
    } else if (!call.method().equals("GET")) {
      request.method(call.method(), call.contentType(), new ByteArrayInputStream(new byte[0]), 0L);
    }
    try {
      HttpResponse<String> response =
          http.sendAsync(request.build(), String.class).get(60, TimeUnit.SECONDS);
      return new Answer(response.code(), response.body() == null ? "" : response.body(), null);
    } catch (ExecutionException | TimeoutException e) {
      return new Answer(0, "", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, "", e);
    }
  }

  /**
   * What is wrong with the answer to a malformed call; empty when it is a 4xx carrying a Kubernetes
   * Status: kind Status, status Failure, a reason, and the HTTP status as its code.
   */
  Optional<String> refusalProblem(KubeCall call) {
    return refusalProblem(call, send(call));
  }

  /**
   * What is wrong with the answer to a call a real API server answers 400 BadRequest; empty when it
   * is that answer: a v1 Status with status Failure, reason BadRequest and code 400.
   */
  Optional<String> badRequestProblem(KubeCall call) {
    Answer answer = send(call);
    Optional<String> problem = refusalProblem(call, answer);
    if (problem.isPresent()) {
      return problem;
    }
    JsonNode status = parse(answer.body());
    if (answer.status() != 400
        || !"v1".equals(status.path("apiVersion").asText())
        || !"BadRequest".equals(status.path("reason").asText())) {
      return Optional.of(describe(call, answer, "400 and a v1 Status with reason BadRequest"));
    }
    return Optional.empty();
  }

  private Optional<String> refusalProblem(KubeCall call, Answer answer) {
    if (answer.failure() != null || answer.status() < 400 || answer.status() > 499) {
      return Optional.of(describe(call, answer, "a 4xx"));
    }
    JsonNode status;
    try {
      status = MalformedBodies.JSON.readTree(answer.body());
    } catch (IOException e) {
      return Optional.of(describe(call, answer, "a Status body"));
    }
    if (status == null
        || !"Status".equals(status.path("kind").asText())
        || !"Failure".equals(status.path("status").asText())
        || status.path("code").asInt() != answer.status()
        || status.path("reason").asText("").isBlank()) {
      return Optional.of(
          describe(
              call, answer, "a Status with status Failure, a reason and code " + answer.status()));
    }
    return Optional.empty();
  }

  /** Sends a valid call; fails unless it is answered 2xx. */
  JsonNode ok(KubeCall call) {
    Answer answer = send(call);
    if (answer.failure() != null || answer.status() < 200 || answer.status() > 299) {
      throw new AssertionError(describe(call, answer, "a 2xx"));
    }
    try {
      return MalformedBodies.JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new AssertionError(describe(call, answer, "a JSON body"), e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return MalformedBodies.JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException("a body read once as JSON no longer parses", e);
    }
  }

  private static String describe(KubeCall call, Answer answer, String expected) {
    return "Kubernetes ["
        + call.label()
        + "] "
        + call.method()
        + " "
        + AwsJsonFuzz.abbreviate(call.path())
        + ": expected "
        + expected
        + ", got "
        + answer;
  }
}
