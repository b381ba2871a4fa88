package io.computecase.local.kube.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.computecase.local.kube.store.ObservableCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Calls the CRUD dispatcher in-process, the way the HTTP front would, and reads its answers. */
public final class CrudGateway {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObservableCrudDispatcher crud;

  public CrudGateway(ObservableCrudDispatcher crud) {
    this.crud = crud;
  }

  /** A CRUD answer: HTTP code and body (null when empty). */
  public record Answer(int code, JsonNode body) {
    public boolean ok() {
      return code >= 200 && code < 300;
    }
  }

  public MockResponse forward(RecordedRequest request) {
    return crud.dispatch(request);
  }

  public Optional<JsonNode> get(String path) {
    Answer answer = call(HttpMethod.GET, path, null, null);
    return answer.ok() ? Optional.ofNullable(answer.body()) : Optional.empty();
  }

  /**
   * The object as the store holds it after a create: the store gives it its uid as it commits, so
   * the dispatcher's own answer does not carry it.
   */
  public JsonNode created(String collectionPath, JsonNode answer) {
    String name = answer.path("metadata").path("name").asText("");
    return name.isEmpty() ? answer : get(collectionPath + "/" + name).orElse(answer);
  }

  public Answer call(HttpMethod method, String path, JsonNode body, String contentType) {
    Headers.Builder headers = Headers.builder();
    if (contentType != null) {
      headers.add("Content-Type", contentType);
    }
    byte[] bytes = new byte[0];
    if (body != null) {
      try {
        bytes = JSON.writeValueAsBytes(body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    MockResponse response =
        crud.dispatch(
            new RecordedRequest("HTTP/1.1", method, path, headers.build(), new Buffer(bytes)));
    return new Answer(response.code(), parse(response));
  }

  static JsonNode parse(MockResponse response) {
    if (response.getBody() == null || response.getBody().size() == 0) {
      return null;
    }
    String text = new String(response.getBody().getBytes(), StandardCharsets.UTF_8);
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
