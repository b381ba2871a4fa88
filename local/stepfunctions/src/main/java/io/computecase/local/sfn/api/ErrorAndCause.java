package io.computecase.local.sfn.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.sfn.execution.ExecutionStatus;

/** The error and cause an ended execution reports (none for running or succeeded ones). */
record ErrorAndCause(String error, String cause) {
  static ErrorAndCause of(ExecutionStatus status) {
    if (status instanceof ExecutionStatus.Failed f) {
      return new ErrorAndCause(f.error(), f.cause());
    }
    if (status instanceof ExecutionStatus.TimedOut t) {
      return new ErrorAndCause(t.error(), t.cause());
    }
    if (status instanceof ExecutionStatus.Aborted a) {
      return new ErrorAndCause(a.error(), a.cause());
    }
    return new ErrorAndCause(null, null);
  }

  void write(ObjectNode node) {
    if (error != null) {
      node.put("error", error);
    }
    if (cause != null) {
      node.put("cause", cause);
    }
  }
}
