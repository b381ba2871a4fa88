package io.computecase.local.kube.server;

import io.computecase.local.kube.discovery.ResourcePath;
import io.computecase.local.kube.validation.InvalidObjectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The query parameters the API server parses before it serves a request, refused with 400
 * BadRequest when they do not parse: the ListOptions of lists and watches (selectors, limit,
 * resourceVersion, timeoutSeconds), dryRun and fieldValidation on writes. Unparsed, a bad selector
 * would select by some other reading of it, and a bad timeout would leave a watch open for ever.
 */
final class QueryParameters {
  private static final String PREFIX =
      "([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?";
  private static final String KEY = PREFIX + "[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?";
  private static final String VALUE = "([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?";
  private static final Pattern LABEL_REQUIREMENT =
      Pattern.compile(
          "\\s*(!?\\s*"
              + KEY
              + "|"
              + KEY
              + "\\s*(=|==|!=)\\s*"
              + VALUE
              + "|"
              + KEY
              + "\\s+(in|notin)\\s*\\(\\s*"
              + VALUE
              + "(\\s*,\\s*"
              + VALUE
              + ")*\\s*\\)|"
              + KEY
              + "\\s*[<>]\\s*-?[0-9]+)\\s*");
  private static final Pattern FIELD_REQUIREMENT =
      Pattern.compile("[A-Za-z0-9._/-]+(=|==|!=)[^=!]*");
  private static final Set<String> FIELD_VALIDATION = Set.of("Ignore", "Warn", "Strict");

  private QueryParameters() {}

  /**
   * Checks the ListOptions a list and a watch share, as the API server decodes them before it lists
   * or starts a watch: labelSelector, fieldSelector, limit, resourceVersion and timeoutSeconds.
   * allowWatchBookmarks and sendInitialEvents are not checked: the server reads any value but
   * "false" and "0" as true, so none is refused.
   */
  static void checkList(ResourcePath path) {
    String labels = path.query().get("labelSelector");
    if (labels != null) {
      for (String requirement : requirements(labels)) {
        if (!LABEL_REQUIREMENT.matcher(requirement).matches()) {
          throw badRequest(
              "unable to parse requirement: \""
                  + requirement
                  + "\" in labelSelector \""
                  + labels
                  + "\"");
        }
      }
    }
    String fields = path.query().get("fieldSelector");
    if (fields != null && !fields.isBlank()) {
      for (String requirement : fields.split(",", -1)) {
        if (!FIELD_REQUIREMENT.matcher(requirement.strip()).matches()) {
          throw badRequest(
              "invalid selector: '" + fields + "'; can't understand '" + requirement + "'");
        }
      }
    }
    String limit = path.query().get("limit");
    if (limit != null && !limit.matches("[0-9]+")) {
      throw badRequest("limit: Invalid value: \"" + limit + "\": must be a non-negative integer");
    }
    String timeout = path.query().get("timeoutSeconds");
    if (timeout != null && !isNonNegativeLong(timeout)) {
      throw badRequest(
          "timeoutSeconds: Invalid value: \""
              + timeout
              + "\": must be a non-negative integer (seconds)");
    }
    String version = path.query().get("resourceVersion");
    if (version != null && !version.isEmpty() && !isNonNegativeLong(version)) {
      // this server's versions are its store's counter; anything else is no version it gave out
      throw badRequest(
          "resourceVersion: Invalid value: \""
              + version
              + "\": must be empty or a resourceVersion"
              + " this server gave out (a non-negative integer); list first and watch from the"
              + " list's resourceVersion");
    }
  }

  /** The watch's timeoutSeconds, once {@link #checkList} has passed; 0 when none is given. */
  static long timeoutSeconds(ResourcePath path) {
    String timeout = path.query().get("timeoutSeconds");
    return timeout == null ? 0 : Long.parseLong(timeout);
  }

  private static boolean isNonNegativeLong(String value) {
    if (!value.matches("[0-9]+")) {
      return false;
    }
    try {
      Long.parseLong(value);
      return true;
    } catch (NumberFormatException e) {
      return false; // past the range of a 64-bit integer, as the server's parser refuses it
    }
  }

  /** Checks a write's dryRun and fieldValidation, as the server validates its CreateOptions. */
  static void checkWrite(ResourcePath path) {
    String dryRun = path.query().get("dryRun");
    if (dryRun != null && !dryRun.isEmpty() && !dryRun.equals("All")) {
      throw invalidOptions(
          "dryRun: Unsupported value: \"" + dryRun + "\": supported values: \"All\"");
    }
    String fieldValidation = path.query().get("fieldValidation");
    if (fieldValidation != null
        && !fieldValidation.isEmpty()
        && FIELD_VALIDATION.stream().noneMatch(fieldValidation::equalsIgnoreCase)) {
      throw invalidOptions(
          "fieldValidation: Unsupported value: \""
              + fieldValidation
              + "\": supported values: \"Ignore\", \"Strict\", \"Warn\"");
    }
  }

  private static InvalidObjectException invalidOptions(String cause) {
    return new InvalidObjectException(
        422, "Invalid", "CreateOptions.meta.k8s.io \"\" is invalid: " + cause);
  }

  /** The requirements of a label selector: split on commas outside parentheses. */
  private static List<String> requirements(String selector) {
    List<String> requirements = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        requirements.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    String last = selector.substring(start);
    if (!last.isBlank() || !requirements.isEmpty()) {
      requirements.add(last);
    }
    return requirements;
  }

  private static InvalidObjectException badRequest(String message) {
    return new InvalidObjectException(400, "BadRequest", message);
  }
}
