package io.computecase.local.events.model;

/**
 * A request the local EventBridge refuses for a domain reason (a missing bus, a duplicate rule, a
 * pattern that does not compile). The API layer maps its {@link Kind} to AWS's error code and
 * status in one place, so the domain stays free of HTTP.
 */
public final class EventsException extends RuntimeException {
  /** What went wrong, in EventBridge's terms. */
  public enum Kind {
    NOT_FOUND,
    ALREADY_EXISTS,
    INVALID_PATTERN,
    INVALID_REQUEST,
    LIMIT_EXCEEDED
  }

  private final Kind kind;

  private EventsException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static EventsException notFound(String message) {
    return new EventsException(Kind.NOT_FOUND, message);
  }

  public static EventsException alreadyExists(String message) {
    return new EventsException(Kind.ALREADY_EXISTS, message);
  }

  public static EventsException invalidPattern(String reason) {
    return new EventsException(
        Kind.INVALID_PATTERN, "Event pattern is not valid. Reason: " + reason);
  }

  public static EventsException invalid(String message) {
    return new EventsException(Kind.INVALID_REQUEST, message);
  }

  public static EventsException limitExceeded(String message) {
    return new EventsException(Kind.LIMIT_EXCEEDED, message);
  }
}
