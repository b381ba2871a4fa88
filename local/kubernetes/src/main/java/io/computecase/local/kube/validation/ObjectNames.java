package io.computecase.local.kube.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API server's rules for {@code metadata.name}: a namespace's name is an RFC 1123 label, every
 * other object's an RFC 1123 subdomain; the texts are the server's (apimachinery's validation).
 */
final class ObjectNames {
  private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String SUBDOMAIN = LABEL + "(\\." + LABEL + ")*";
  private static final Pattern LABEL_PATTERN = Pattern.compile(LABEL);
  private static final Pattern SUBDOMAIN_PATTERN = Pattern.compile(SUBDOMAIN);

  private ObjectNames() {}

  /** What is wrong with {@code name} for an object of {@code kind}, as the server words it. */
  static Optional<Cause> check(String kind, String name) {
    return kind.equals("Namespace") ? label(name) : subdomain(name);
  }

  private static Optional<Cause> subdomain(String name) {
    if (name.length() > 253) {
      return invalid(name, "must be no more than 253 characters");
    }
    if (!SUBDOMAIN_PATTERN.matcher(name).matches()) {
      return invalid(
          name,
          "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-'"
              + " or '.', and must start and end with an alphanumeric character (e.g."
              + " 'example.com', regex used for validation is '"
              + SUBDOMAIN.replace("\\.", "\\.")
              + "')");
    }
    return Optional.empty();
  }

  private static Optional<Cause> label(String name) {
    if (name.length() > 63) {
      return invalid(name, "must be no more than 63 characters");
    }
    if (name.contains(".")) {
      return invalid(name, "must not contain dots");
    }
    if (!LABEL_PATTERN.matcher(name).matches()) {
      return invalid(
          name,
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-',"
              + " and must start and end with an alphanumeric character (e.g. 'my-name',  or"
              + " '123-abc', regex used for validation is '"
              + LABEL
              + "')");
    }
    return Optional.empty();
  }

  private static Optional<Cause> invalid(String name, String why) {
    return Optional.of(
        new Cause("metadata.name", "FieldValueInvalid", "Invalid value: \"" + name + "\": " + why));
  }
}
