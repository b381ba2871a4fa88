package io.computecase.local.events.api;

import io.computecase.local.events.model.EventsException;
import io.computecase.local.protocol.AwsServiceException;

/** The one place domain errors become AWS EventBridge errors (code and HTTP status). */
final class ErrorMapping {
  private ErrorMapping() {}

  static AwsServiceException toAws(EventsException e) {
    String code =
        switch (e.kind()) {
          case NOT_FOUND -> "ResourceNotFoundException";
          case ALREADY_EXISTS -> "ResourceAlreadyExistsException";
          case INVALID_PATTERN -> "InvalidEventPatternException";
          case INVALID_REQUEST -> "ValidationException";
          case LIMIT_EXCEEDED -> "LimitExceededException";
        };
    return new AwsServiceException(code, 400, e.getMessage());
  }
}
