package io.computecase.worker;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Reads typed environment variables, naming the variable and the fix when one is malformed. */
final class EnvironmentReader {
  private final Map<String, String> env;

  EnvironmentReader(Map<String, String> env) {
    this.env = env;
  }

  Optional<String> string(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  Optional<Integer> positiveInt(String name) {
    return string(name)
        .map(
            value -> {
              try {
                int parsed = Integer.parseInt(value);
                if (parsed >= 1) {
                  return parsed;
                }
              } catch (NumberFormatException e) {
                // reported below
              }
              throw new IllegalArgumentException(
                  name + " must be a whole number of at least 1 but is '" + value + "'");
            });
  }

  /** {@code true} or {@code false}, nothing else: a typo must not silently mean false. */
  boolean bool(String name, String value) {
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException(name + " must be true or false but is '" + value + "'");
  }

  Optional<Integer> port(String name) {
    return string(name)
        .map(
            value -> {
              try {
                int parsed = Integer.parseInt(value);
                if (parsed >= -1 && parsed <= 65_535) {
                  return parsed;
                }
              } catch (NumberFormatException e) {
                // reported below
              }
              throw new IllegalArgumentException(
                  name + " must be a port (0-65535, or -1 for none) but is '" + value + "'");
            });
  }

  Optional<URI> uri(String name) {
    return string(name)
        .map(
            value -> {
              URI uri;
              try {
                uri = URI.create(value);
              } catch (IllegalArgumentException e) {
                uri = null;
              }
              if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException(
                    name
                        + " must be an endpoint URL such as http://127.0.0.1:8083 but is '"
                        + value
                        + "'");
              }
              return uri;
            });
  }
}
