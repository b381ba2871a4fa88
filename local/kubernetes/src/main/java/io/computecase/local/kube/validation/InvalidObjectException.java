package io.computecase.local.kube.validation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.kube.server.ApiResponses;
import io.computecase.local.kube.server.ResourcePath;
import java.util.List;

/**
 * A request the server rejects, with the Status code, reason, message and field causes that kubectl
 * prints ("The ComputeCase "x" is invalid: spec.y: Invalid value: ...").
 */
public class InvalidObjectException extends RuntimeException {

  private final int code;
  private final String reason;
  private final String kind;
  private final String name;
  private final List<Cause> causes;

  public InvalidObjectException(int code, String reason, String message) {
    this(code, reason, message, null, null, List.of());
  }

  public InvalidObjectException(
      int code, String reason, String message, String kind, String name, List<Cause> causes) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.kind = kind;
    this.name = name;
    this.causes = List.copyOf(causes);
  }

  public int code() {
    return code;
  }

  public List<Cause> causes() {
    return causes;
  }

  public ObjectNode status(ResourcePath path) {
    ObjectNode status = ApiResponses.statusBody(code, reason, getMessage(), path);
    ObjectNode details = status.with("details");
    if (kind != null) {
      details.put("kind", kind);
    }
    if (name != null && !name.isEmpty()) {
      details.put("name", name);
    }
    if (!causes.isEmpty()) {
      ArrayNode list = details.putArray("causes");
      causes.forEach(
          cause ->
              list.addObject()
                  .put("reason", cause.reason())
                  .put("message", cause.message())
                  .put("field", cause.field()));
    }
    return status;
  }
}
