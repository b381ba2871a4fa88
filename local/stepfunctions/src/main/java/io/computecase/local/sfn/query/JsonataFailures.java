package io.computecase.local.sfn.query;

import com.dashjoin.jsonata.JException;

/** Words a JSONata engine failure as AWS prints it: "CODE: message". */
final class JsonataFailures {
  private JsonataFailures() {}

  static String describe(Throwable failure) {
    if (failure instanceof JException jsonata) {
      String message = jsonata.getMessage();
      String code = jsonata.getError();
      if (code != null && message != null && !message.startsWith(code)) {
        return code + ": " + message;
      }
      return message;
    }
    if (failure instanceof QueryException query) {
      return query.cause();
    }
    if (failure instanceof StackOverflowError) {
      return "U1001: Stack overflow error: Check for non-terminating recursive function.";
    }
    if (failure instanceof NumberFormatException) {
      return "D3030: Unable to cast value to a number: " + failure.getMessage();
    }
    String message = failure.getMessage();
    return message == null ? failure.getClass().getSimpleName() : message;
  }
}
