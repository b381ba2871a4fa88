package io.computecase.local.kube.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.kube.discovery.ResourcePath;
import io.computecase.local.kube.validation.InvalidObjectException;
import io.fabric8.mockwebserver.http.MockResponse;

/** Builds the API server's responses: JSON bodies and meta/v1 Status errors kubectl can print. */
public final class ApiResponses {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiResponses() {}

  public static MockResponse json(int code, JsonNode body) {
    try {
      return new MockResponse()
          .setResponseCode(code)
          .setHeader("Content-Type", "application/json")
          .setBody(JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static MockResponse text(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "text/plain")
        .setBody(body);
  }

  /** A Status with a reason such as NotFound, AlreadyExists, Conflict, BadRequest or Invalid. */
  public static MockResponse status(int code, String reason, String message, ResourcePath path) {
    return json(code, statusBody(code, reason, message, path));
  }

  /** The Status of a rejected request, with the object's kind, name and field causes. */
  public static MockResponse status(InvalidObjectException e, ResourcePath path) {
    ObjectNode status = statusBody(e.code(), e.reason(), e.getMessage(), path);
    ObjectNode details = status.with("details");
    if (e.kind() != null) {
      details.put("kind", e.kind());
    }
    if (e.name() != null && !e.name().isEmpty()) {
      details.put("name", e.name());
    }
    if (!e.causes().isEmpty()) {
      ArrayNode list = details.putArray("causes");
      e.causes()
          .forEach(
              cause ->
                  list.addObject()
                      .put("reason", cause.reason())
                      .put("message", cause.message())
                      .put("field", cause.field()));
    }
    return json(e.code(), status);
  }

  public static ObjectNode statusBody(int code, String reason, String message, ResourcePath path) {
    ObjectNode status = JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure").put("message", message).put("reason", reason);
    if (path != null) {
      ObjectNode details =
          status.putObject("details").put("group", path.group()).put("kind", path.plural());
      if (path.name() != null) {
        details.put("name", path.name());
      }
    }
    status.put("code", code);
    return status;
  }

  /** The reason Kubernetes gives for an HTTP status code. */
  public static String reasonOf(int code) {
    return switch (code) {
      case 400 -> "BadRequest";
      case 404 -> "NotFound";
      case 405 -> "MethodNotAllowed";
      case 406 -> "NotAcceptable";
      case 409 -> "AlreadyExists";
      case 410 -> "Expired";
      case 415 -> "UnsupportedMediaType";
      case 422 -> "Invalid";
      default -> "InternalError";
    };
  }

  /** "computecases.computecase.io" as kubectl names a resource in messages. */
  public static String qualifiedResource(ResourcePath path) {
    return path.group().isEmpty() ? path.plural() : path.plural() + "." + path.group();
  }
}
