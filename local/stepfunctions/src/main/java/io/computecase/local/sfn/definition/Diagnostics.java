package io.computecase.local.sfn.definition;

import java.util.ArrayList;
import java.util.List;

/** Collects the diagnostics of one definition while it is parsed. */
final class Diagnostics {
  private final List<Diagnostic> found = new ArrayList<>();

  void schema(String message, String location) {
    add("SCHEMA_VALIDATION_FAILED", message, location);
  }

  void add(String code, String message, String location) {
    found.add(Diagnostic.error(code, message, location.isEmpty() ? "/" : location));
  }

  /** A query-package diagnostic ("CODE: message at /where") placed under a state's location. */
  void fromQuery(String text, String base) {
    String code = "SCHEMA_VALIDATION_FAILED";
    String message = text;
    String location = "";
    int colon = text.indexOf(": ");
    if (colon > 0 && text.substring(0, colon).matches("[A-Z_]+")) {
      code = text.substring(0, colon);
      message = text.substring(colon + 2);
    }
    int at = message.lastIndexOf(" at /");
    if (at >= 0) {
      location = message.substring(at + 4);
      message = message.substring(0, at);
    }
    add(code, message, base + location);
  }

  List<Diagnostic> all() {
    return found;
  }

  boolean isEmpty() {
    return found.isEmpty();
  }
}
