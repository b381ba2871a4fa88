package io.computecase.local.sfn.query;

import com.dashjoin.jsonata.JException;
import java.util.regex.Pattern;

/**
 * Words a JSONata engine failure as AWS appends it to its sentence: ". CODE: message" after an
 * error the JSONata language codes, ": message" after any other.
 */
final class JsonataFailures {
  private static final Pattern JSONATA_CODE = Pattern.compile("[A-Z]\\d{4}");

  private JsonataFailures() {}

  static String tail(Throwable failure) {
    if (failure instanceof JException jsonata) {
      String message = jsonata.getMessage();
      String code = jsonata.getError();
      if (code == null || !JSONATA_CODE.matcher(code).matches()) {
        // The engine's own guards (runtime bounds) put their sentence where the code goes.
        return ": " + (code != null ? code : message);
      }
      return ". " + (message != null && message.startsWith(code) ? message : code + ": " + message);
    }
    if (failure instanceof StackOverflowError) {
      return ". U1001: Stack overflow error: Check for non-terminating recursive function. "
          + "Consider rewriting as tail-recursive.";
    }
    if (failure instanceof NumberFormatException) {
      return ". D3030: Unable to cast value to a number: " + failure.getMessage();
    }
    if (failure instanceof QueryException query) {
      return ": " + query.cause();
    }
    String message = failure.getMessage();
    return ": " + (message == null ? failure.getClass().getSimpleName() : message);
  }
}
