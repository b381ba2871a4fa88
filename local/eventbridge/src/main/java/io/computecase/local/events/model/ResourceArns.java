package io.computecase.local.events.model;

import java.util.Optional;

/** Builds and reads the ARNs of one region and account, spelled as AWS spells them. */
public final class ResourceArns {
  public static final String DEFAULT_BUS = "default";

  private final String region;
  private final String accountId;

  public ResourceArns(String region, String accountId) {
    this.region = region;
    this.accountId = accountId;
  }

  public String region() {
    return region;
  }

  public String accountId() {
    return accountId;
  }

  public String busArn(String busName) {
    return "arn:aws:events:" + region + ":" + accountId + ":event-bus/" + busName;
  }

  /** Rules on the default bus have no bus segment in their ARN; rules on other buses do. */
  public String ruleArn(String busName, String ruleName) {
    String path = DEFAULT_BUS.equals(busName) ? ruleName : busName + "/" + ruleName;
    return "arn:aws:events:" + region + ":" + accountId + ":rule/" + path;
  }

  /** A bus given by name or by ARN (EventBusName accepts both), as a name; absent = default. */
  public static String busName(String nameOrArn) {
    if (nameOrArn == null || nameOrArn.isEmpty()) {
      return DEFAULT_BUS;
    }
    if (nameOrArn.startsWith("arn:")) {
      int slash = nameOrArn.indexOf(":event-bus/");
      if (slash < 0) {
        throw EventsException.invalid(
            "Parameter EventBusName is not valid. Reason: "
                + nameOrArn
                + " is not an event bus ARN.");
      }
      return nameOrArn.substring(slash + ":event-bus/".length());
    }
    return nameOrArn;
  }

  /**
   * The service and resource of an ARN: {@code arn:aws:<service>:<region>:<account>:<resource>}.
   */
  public static Optional<ParsedArn> parse(String arn) {
    String[] parts = arn.split(":", 6);
    if (parts.length < 6 || !"arn".equals(parts[0]) || parts[2].isEmpty() || parts[5].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ParsedArn(parts[2], parts[3], parts[4], parts[5]));
  }

  /** The parts of an ARN that delivery needs. */
  public record ParsedArn(String service, String region, String account, String resource) {}
}
