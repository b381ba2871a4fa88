package io.computecase.operator.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The AWS names of one install. Everything it creates begins with its prefix, so two installs in
 * one account (two clusters, or two releases) never share a bus, state machine, queue or rule, and
 * IAM policies can be scoped to {@code <prefix>-*}. A namespaced target's names also end in a hash
 * of the install, its namespace and its name, so team A's target {@code gpu} and team B's are two
 * queues and two rules.
 *
 * <p>Names stay within AWS's limits: 64 characters for an EventBridge rule (the tightest), 80 for
 * an SQS queue, whose dead-letter queue adds {@code -dlq}. A long target name is cut to fit; the
 * hash keeps the name unique.
 */
public record AwsNames(String prefix) {
  public static final String DEFAULT_PREFIX = "computecase";

  /** Lower-case letters, digits and '-', 1 to 20 characters, like a short Helm release name. */
  public static final Pattern PREFIX = Pattern.compile("[a-z0-9]([a-z0-9-]{0,18}[a-z0-9])?");

  /** EventBridge's limit on a rule name; queue names (80) are looser. */
  static final int NAME_MAX = 64;

  /** 64 bits of SHA-256: no one can pick a namespace whose target lands on another's queue. */
  static final int HASH_CHARS = 16;

  public AwsNames {
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "The AWS resource prefix '"
              + prefix
              + "' is not valid: use 1 to 20 lower-case letters, digits or '-', starting and"
              + " ending with a letter or digit (COMPUTECASE_RESOURCE_PREFIX, chart value"
              + " aws.resourcePrefix).");
    }
  }

  /** The install's event bus, when not named otherwise. */
  public String bus() {
    return prefix;
  }

  /** The install's state machine, when not named otherwise. */
  public String stateMachine() {
    return prefix;
  }

  /** The queue, dead-letter queue and rule of one target. */
  public TargetNames of(TargetKey target) {
    String base = target.isNamespaced() ? namespaced(target) : installWide(target.name());
    return new TargetNames(base, base + "-dlq", base);
  }

  /**
   * The name of a target of the whole install: {@code <prefix>-<target>}, readable and what a
   * worker given only its target (COMPUTECASE_TARGET) derives too.
   */
  public String installWide(String target) {
    String base = prefix + "-" + target;
    if (base.length() > NAME_MAX) {
      throw new IllegalArgumentException(
          "The compute target '"
              + target
              + "' gives the AWS name '"
              + base
              + "', over EventBridge's "
              + NAME_MAX
              + " characters for a rule name: shorten the target name to at most "
              + (NAME_MAX - prefix.length() - 1)
              + " characters, or the prefix.");
    }
    return base;
  }

  private String namespaced(TargetKey target) {
    String hash = hash(prefix + "\n" + target.namespace() + "\n" + target.name());
    int room = NAME_MAX - prefix.length() - hash.length() - 2;
    String shown =
        target.name().length() <= room ? target.name() : target.name().substring(0, room);
    return prefix + "-" + shown + "-" + hash;
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** The AWS names routing one target's items. */
  public record TargetNames(String queue, String deadLetterQueue, String rule) {}
}
