package io.computecase.local.events.registry;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** The tags of buses and rules, by ARN; dropped with the resource they belong to. */
final class ResourceTags {
  /** AWS's quota of tags per resource. */
  static final int MAX_TAGS = 50;

  private final Map<String, TreeMap<String, String>> byArn = new HashMap<>();

  /** Whether adding these tags keeps the resource within the quota. */
  boolean fits(String arn, Map<String, String> added) {
    TreeMap<String, String> merged = new TreeMap<>(byArn.getOrDefault(arn, new TreeMap<>()));
    merged.putAll(added);
    return merged.size() <= MAX_TAGS;
  }

  void tag(String arn, Map<String, String> added) {
    if (!added.isEmpty()) {
      byArn.computeIfAbsent(arn, a -> new TreeMap<>()).putAll(added);
    }
  }

  void untag(String arn, Collection<String> keys) {
    TreeMap<String, String> tags = byArn.get(arn);
    if (tags != null) {
      keys.forEach(tags::remove);
    }
  }

  Map<String, String> tags(String arn) {
    return Map.copyOf(byArn.getOrDefault(arn, new TreeMap<>()));
  }

  void drop(String arn) {
    byArn.remove(arn);
  }
}
