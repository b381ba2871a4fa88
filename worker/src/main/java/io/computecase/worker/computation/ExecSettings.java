package io.computecase.worker.computation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How {@code exec} runs a program, as the worker's target sets it: the command, its default and
 * longest time limits, and what of the worker's environment the program may see.
 *
 * @param command the command run per item ({@code sh -c}), when configured
 * @param defaultTimeout the time limit when a case asks for none
 * @param maxTimeout the longest {@code parameters.execTimeoutSeconds} a case may ask for
 * @param awsCredentials whether the program gets the worker's AWS credentials and region
 * @param environment further variables of the worker's environment the program sees
 */
public record ExecSettings(
    Optional<String> command,
    Duration defaultTimeout,
    Duration maxTimeout,
    boolean awsCredentials,
    List<String> environment) {

  /** What every program sees: enough to find programs, write temporary files and read text. */
  public static final List<String> BASE_ENVIRONMENT =
      List.of("PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR", "USER");

  /** The variables the AWS SDKs and CLI read credentials and region from. */
  public static final List<String> AWS_ENVIRONMENT =
      List.of(
          "AWS_ACCESS_KEY_ID",
          "AWS_SECRET_ACCESS_KEY",
          "AWS_SESSION_TOKEN",
          "AWS_REGION",
          "AWS_DEFAULT_REGION",
          "AWS_PROFILE",
          "AWS_ROLE_ARN",
          "AWS_ROLE_SESSION_NAME",
          "AWS_WEB_IDENTITY_TOKEN_FILE",
          "AWS_CONTAINER_CREDENTIALS_FULL_URI",
          "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
          "AWS_CONTAINER_AUTHORIZATION_TOKEN",
          "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
          "AWS_STS_REGIONAL_ENDPOINTS");

  public ExecSettings {
    environment = List.copyOf(environment);
  }

  /** The program's environment, taken from {@code worker}'s by name: nothing else passes. */
  public Map<String, String> programEnvironment(Map<String, String> worker) {
    Map<String, String> passed = new TreeMap<>();
    List<List<String>> allowed =
        awsCredentials
            ? List.of(BASE_ENVIRONMENT, environment, AWS_ENVIRONMENT)
            : List.of(BASE_ENVIRONMENT, environment);
    for (List<String> names : allowed) {
      for (String name : names) {
        String value = worker.get(name);
        if (value != null) {
          passed.put(name, value);
        }
      }
    }
    return passed;
  }
}
