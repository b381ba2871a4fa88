package io.computecase.local.events.api;

import io.computecase.local.protocol.AwsServiceException;
import java.util.regex.Pattern;

/** Checks request members against the API model's constraints, failing in AWS's wording. */
final class MemberConstraints {
  static final Pattern RULE_NAME = Pattern.compile("[\\.\\-_A-Za-z0-9]+");
  static final Pattern BUS_NAME = Pattern.compile("[/\\.\\-_A-Za-z0-9]+");
  static final Pattern TARGET_ID = Pattern.compile("[\\.\\-_A-Za-z0-9]+");

  private MemberConstraints() {}

  static String name(String member, String value, Pattern pattern, int maxLength) {
    if (value.length() > maxLength) {
      throw violation(value, member, "Member must have length less than or equal to " + maxLength);
    }
    if (!pattern.matcher(value).matches()) {
      throw violation(
          value, member, "Member must satisfy regular expression pattern: " + pattern.pattern());
    }
    return value;
  }

  static int range(String member, int value, int min, int max) {
    if (value < min) {
      throw violation(
          Integer.toString(value),
          member,
          "Member must have value greater than or equal to " + min);
    }
    if (value > max) {
      throw violation(
          Integer.toString(value), member, "Member must have value less than or equal to " + max);
    }
    return value;
  }

  static AwsServiceException violation(String value, String member, String constraint) {
    return AwsServiceException.validation(
        "1 validation error detected: Value '"
            + value
            + "' at '"
            + member
            + "' failed to satisfy constraint: "
            + constraint);
  }
}
