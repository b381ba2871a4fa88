package io.computecase.local.sfn.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.sfn.query.QueryLanguage;
import io.computecase.local.sfn.states.Catcher;
import io.computecase.local.sfn.states.Retrier;
import java.util.ArrayList;
import java.util.List;

/** Parses Retry and Catch, with AWS's defaults (1 s interval, 3 attempts, backoff 2.0). */
final class RecoveryParser {
  private final Diagnostics diagnostics;
  private final FieldReader read;

  RecoveryParser(Diagnostics diagnostics, FieldReader read) {
    this.diagnostics = diagnostics;
    this.read = read;
  }

  List<Retrier> retriers(JsonNode node, String location) {
    List<Retrier> result = new ArrayList<>();
    JsonNode retry = node.get("Retry");
    if (retry == null) {
      return result;
    }
    if (!retry.isArray()) {
      diagnostics.schema("The field 'Retry' must be an array", location + "/Retry");
      return result;
    }
    for (int i = 0; i < retry.size(); i++) {
      JsonNode r = retry.get(i);
      String at = location + "/Retry/" + i;
      List<String> errors = errorEquals(r, at);
      double interval = number(r, "IntervalSeconds", 1, 1, at);
      int maxAttempts = (int) number(r, "MaxAttempts", 3, 0, at);
      double backoff = number(r, "BackoffRate", 2.0, 1.0, at);
      Double maxDelay = r.has("MaxDelaySeconds") ? number(r, "MaxDelaySeconds", 0, 1, at) : null;
      String jitter = r.path("JitterStrategy").asText("NONE");
      if (!jitter.equals("NONE") && !jitter.equals("FULL")) {
        diagnostics.schema(
            "The value for the field 'JitterStrategy' must be one of [FULL, NONE]",
            at + "/JitterStrategy");
      }
      if (errors.contains("States.ALL") && i != retry.size() - 1) {
        diagnostics.schema("'States.ALL' must appear in the last retrier", at + "/ErrorEquals");
      }
      result.add(
          new Retrier(errors, interval, maxAttempts, backoff, maxDelay, jitter.equals("FULL")));
    }
    return result;
  }

  List<Catcher> catchers(JsonNode node, QueryLanguage language, String location) {
    List<Catcher> result = new ArrayList<>();
    JsonNode catchNode = node.get("Catch");
    if (catchNode == null) {
      return result;
    }
    if (!catchNode.isArray()) {
      diagnostics.schema("The field 'Catch' must be an array", location + "/Catch");
      return result;
    }
    for (int i = 0; i < catchNode.size(); i++) {
      JsonNode c = catchNode.get(i);
      String at = location + "/Catch/" + i;
      List<String> errors = errorEquals(c, at);
      if (!c.path("Next").isTextual()) {
        diagnostics.schema("The field 'Next' is required in a catcher", at + "/Next");
      }
      if (language == QueryLanguage.JSONATA && c.has("ResultPath")) {
        diagnostics.schema(
            "The field 'ResultPath' is not supported for states whose QueryLanguage is JSONata",
            at + "/ResultPath");
      }
      if (language == QueryLanguage.JSONPATH && c.has("Output")) {
        diagnostics.schema(
            "The field 'Output' is only supported for states whose QueryLanguage is JSONata",
            at + "/Output");
      }
      result.add(
          new Catcher(
              errors,
              read.referencePathOrDefault(c, "ResultPath", at),
              c.get("Output"),
              c.get("Assign"),
              c.path("Next").asText(null)));
    }
    return result;
  }

  private List<String> errorEquals(JsonNode rule, String at) {
    JsonNode errors = rule.get("ErrorEquals");
    List<String> names = new ArrayList<>();
    if (errors == null || !errors.isArray() || errors.isEmpty()) {
      diagnostics.schema(
          "The field 'ErrorEquals' must be a non-empty array of strings", at + "/ErrorEquals");
      return names;
    }
    errors.forEach(e -> names.add(e.asText()));
    if (names.contains("States.ALL") && names.size() > 1) {
      diagnostics.schema("'States.ALL' must appear alone in 'ErrorEquals'", at + "/ErrorEquals");
    }
    return names;
  }

  private double number(JsonNode rule, String field, double fallback, double minimum, String at) {
    JsonNode value = rule.get(field);
    if (value == null) {
      return fallback;
    }
    if (!value.isNumber() || value.asDouble() < minimum) {
      diagnostics.schema(
          "The value for the field '"
              + field
              + "' must be a number greater than or equal to "
              + minimum,
          at + "/" + field);
      return fallback;
    }
    return value.asDouble();
  }
}
