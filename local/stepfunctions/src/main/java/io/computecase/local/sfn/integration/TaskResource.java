package io.computecase.local.sfn.integration;

import java.util.Optional;

/**
 * A Task's Resource (resourceName is the history's resource: action and pattern suffix, e.g.
 * putEvents.waitForTaskToken) for an optimized service integration, {@code
 * arn:aws:states:::<service>:<action>[.sync|.sync:2|.waitForTaskToken]}, split into its parts.
 */
public record TaskResource(
    String arn, String service, String action, IntegrationPattern pattern, String resourceName) {
  private static final String PREFIX = "arn:aws:states:::";

  /** The parts of an integration ARN, or empty when the resource is not one. */
  public static Optional<TaskResource> parse(String arn) {
    if (arn == null) {
      return Optional.empty();
    }
    if (!arn.startsWith(PREFIX)) {
      return direct(arn);
    }
    String rest = arn.substring(PREFIX.length());
    int colon = rest.indexOf(':');
    if (colon <= 0 || colon == rest.length() - 1) {
      return Optional.empty();
    }
    String service = rest.substring(0, colon);
    String action = rest.substring(colon + 1);
    IntegrationPattern pattern = IntegrationPattern.REQUEST_RESPONSE;
    for (IntegrationPattern candidate :
        new IntegrationPattern[] {
          IntegrationPattern.RUN_JOB_JSON,
          IntegrationPattern.RUN_JOB,
          IntegrationPattern.WAIT_FOR_TASK_TOKEN
        }) {
      if (action.endsWith(candidate.suffix())) {
        pattern = candidate;
        action = action.substring(0, action.length() - candidate.suffix().length());
        break;
      }
    }
    if (action.isEmpty() || !action.chars().allMatch(Character::isLetterOrDigit)) {
      return Optional.empty();
    }
    return Optional.of(new TaskResource(arn, service, action, pattern, action + pattern.suffix()));
  }

  /**
   * A resource named by its own ARN (a Lambda function, an activity): valid in a definition, and
   * run only when an integration for its service is configured.
   */
  private static Optional<TaskResource> direct(String arn) {
    String[] parts = arn.split(":", 7);
    if (parts.length < 7 || !parts[0].equals("arn") || parts[2].isEmpty() || parts[6].isEmpty()) {
      return Optional.empty();
    }
    boolean lambda = parts[2].equals("lambda") && parts[5].equals("function");
    boolean activity = parts[2].equals("states") && parts[5].equals("activity");
    if (!lambda && !activity) {
      return Optional.empty();
    }
    String service = lambda ? "lambda" : "activity";
    return Optional.of(
        new TaskResource(arn, service, "invoke", IntegrationPattern.REQUEST_RESPONSE, arn));
  }

  /** The history's resourceType (the service). */
  public String resourceType() {
    return service;
  }
}
