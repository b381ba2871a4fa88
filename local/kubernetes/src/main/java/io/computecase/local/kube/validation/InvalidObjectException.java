package io.computecase.local.kube.validation;

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

  /** The reason of the Status, such as Invalid or BadRequest. */
  public String reason() {
    return reason;
  }

  /** The kind of the rejected object, or null when the request named none. */
  public String kind() {
    return kind;
  }

  /** The name of the rejected object, or null (or empty) when it had none. */
  public String name() {
    return name;
  }
}
