package io.computecase.common.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one way the operator and the worker read their environment: typed values, a blank variable
 * counting as unset, and one {@link InvalidVariableException} text per kind of bad value, so the
 * same mistake reads the same in both processes.
 */
public final class EnvironmentVariables {
  private final Map<String, String> env;

  private EnvironmentVariables(Map<String, String> env) {
    this.env = env;
  }

  /** Reads {@code env} (the process's {@code System.getenv()}, or a map in tests). */
  public static EnvironmentVariables of(Map<String, String> env) {
    return new EnvironmentVariables(Map.copyOf(env));
  }

  /**
   * These variables with {@code name} set to {@code value}, unless it is null: a command-line
   * option given instead of its variable goes through the same reading.
   */
  public EnvironmentVariables with(String name, Object value) {
    if (value == null) {
      return this;
    }
    Map<String, String> changed = new HashMap<>(env);
    changed.put(name, value.toString());
    return new EnvironmentVariables(Map.copyOf(changed));
  }

  public Map<String, String> asMap() {
    return env;
  }

  /** The value without surrounding blanks; empty when unset or blank. */
  public Optional<String> string(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** A whole number of at least 1. */
  public Optional<Integer> positiveInt(String name) {
    return string(name)
        .map(
            value ->
                parseInt(value)
                    .filter(n -> n >= 1)
                    .orElseThrow(
                        () ->
                            new InvalidVariableException(
                                name,
                                value,
                                "a positive integer",
                                "set it to a whole number of 1 or more")));
  }

  /** A whole number of seconds, at least 1. */
  public Optional<Duration> seconds(String name) {
    return positiveInt(name).map(Duration::ofSeconds);
  }

  /** A TCP port; 0 takes any free port and -1 serves nothing. */
  public Optional<Integer> port(String name) {
    return string(name)
        .map(
            value ->
                parseInt(value)
                    .filter(n -> n >= -1 && n <= 65_535)
                    .orElseThrow(
                        () ->
                            new InvalidVariableException(
                                name,
                                value,
                                "a port",
                                "set it to an integer between 0 and 65535"
                                    + " (0 takes any free port, -1 serves none)")));
  }

  /** An absolute URL with a scheme and a host, such as {@code http://127.0.0.1:4566}. */
  public Optional<URI> endpoint(String name) {
    return string(name)
        .map(
            value -> {
              URI uri;
              try {
                uri = new URI(value);
              } catch (URISyntaxException e) {
                uri = null;
              }
              if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
                throw new InvalidVariableException(
                    name,
                    value,
                    "an endpoint URL",
                    "set it like http://127.0.0.1:4566, or unset it to use AWS's default endpoint");
              }
              return uri;
            });
  }

  /** {@code true} or {@code false} in any case, nothing else: a typo must not mean false. */
  public Optional<Boolean> bool(String name) {
    return string(name)
        .map(
            value -> {
              if (value.equalsIgnoreCase("true")) {
                return true;
              }
              if (value.equalsIgnoreCase("false")) {
                return false;
              }
              throw new InvalidVariableException(
                  name, value, "a boolean", "set it to true or false");
            });
  }

  /** A comma-separated list; blanks around items and empty items are dropped. */
  public Optional<List<String>> commaList(String name) {
    return string(name)
        .map(
            value ->
                Arrays.stream(value.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList());
  }

  private static Optional<Integer> parseInt(String value) {
    try {
      return Optional.of(Integer.parseInt(value));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
