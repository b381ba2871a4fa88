package io.computecase.local.kube.watch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A Kubernetes label or field selector (k=v, k==v, k!=v, k, !k, k in (a,b), k notin (a,b)) as a
 * predicate on an object.
 */
public final class Selector implements Predicate<JsonNode> {

  private final List<Predicate<JsonNode>> requirements;

  private Selector(List<Predicate<JsonNode>> requirements) {
    this.requirements = requirements;
  }

  public static Selector labels(String expression) {
    return parse(expression, Selector::label);
  }

  public static Selector fields(String expression) {
    return parse(expression, Selector::field);
  }

  @Override
  public boolean test(JsonNode object) {
    return requirements.stream().allMatch(requirement -> requirement.test(object));
  }

  private interface Lookup {
    String value(JsonNode object, String key);
  }

  private static String label(JsonNode object, String key) {
    JsonNode value = object.path("metadata").path("labels").get(key);
    return value == null ? null : value.asText();
  }

  private static String field(JsonNode object, String key) {
    JsonNode node = object;
    for (String part : key.split("\\.")) {
      node = node.path(part);
    }
    return node.isMissingNode() || node.isNull() ? "" : node.asText();
  }

  private static Selector parse(String expression, Lookup lookup) {
    List<Predicate<JsonNode>> requirements = new ArrayList<>();
    if (expression != null) {
      for (String term : splitTerms(expression)) {
        requirements.add(requirement(term.trim(), lookup));
      }
    }
    return new Selector(requirements);
  }

  // Commas separate terms except inside the parentheses of a set (in/notin).
  private static List<String> splitTerms(String expression) {
    List<String> terms = new ArrayList<>();
    int depth = 0;
    StringBuilder term = new StringBuilder();
    for (char c : expression.toCharArray()) {
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (c == ',' && depth == 0) {
        terms.add(term.toString());
        term.setLength(0);
      } else {
        term.append(c);
      }
    }
    if (!term.toString().isBlank()) {
      terms.add(term.toString());
    }
    return terms;
  }

  private static Predicate<JsonNode> requirement(String term, Lookup lookup) {
    String[] set = term.split("\\s+(notin|in)\\s+", 2);
    if (set.length == 2) {
      String key = set[0].trim();
      boolean negated = term.matches(".*\\s+notin\\s+.*");
      Set<String> values =
          Arrays.stream(set[1].replaceAll("[()]", "").split(","))
              .map(String::trim)
              .collect(Collectors.toSet());
      return object -> values.contains(lookup.value(object, key)) != negated;
    }
    if (term.contains("!=")) {
      String[] kv = term.split("!=", 2);
      return object -> !kv[1].trim().equals(lookup.value(object, kv[0].trim()));
    }
    if (term.contains("=")) {
      String[] kv = term.split("==?", 2);
      return object -> kv[1].trim().equals(lookup.value(object, kv[0].trim()));
    }
    if (term.startsWith("!")) {
      return object -> lookup.value(object, term.substring(1).trim()) == null;
    }
    return object -> lookup.value(object, term) != null;
  }
}
