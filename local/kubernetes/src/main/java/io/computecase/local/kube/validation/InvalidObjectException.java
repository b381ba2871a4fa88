package io.computecase.local.kube.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.kube.server.ApiResponses;
import io.computecase.local.kube.server.ResourcePath;

/** A request the server rejects, with the Status code, reason and message kubectl prints. */
public class InvalidObjectException extends RuntimeException {

  private final int code;
  private final String reason;

  public InvalidObjectException(int code, String reason, String message) {
    super(message);
    this.code = code;
    this.reason = reason;
  }

  public int code() {
    return code;
  }

  public ObjectNode status(ResourcePath path) {
    return ApiResponses.statusBody(code, reason, getMessage(), path);
  }
}
