package io.computecase.local.sfn.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Reference Path ("$.a.b", "$['a'][0]"): a path that names exactly one node, the only kind ASL
 * allows in ResultPath. Parsed once; places a value without modifying the original input.
 */
final class ReferencePath {

  /** One step: a field name, or an array index when {@code name} is null. */
  record Step(String name, int index) {
    String describe() {
      return name != null ? name : "[" + index + "]";
    }
  }

  private static final ConcurrentHashMap<String, ReferencePath> CACHE = new ConcurrentHashMap<>();

  private final String text;
  private final List<Step> steps;

  private ReferencePath(String text, List<Step> steps) {
    this.text = text;
    this.steps = steps;
  }

  static ReferencePath of(String text) {
    ReferencePath cached = CACHE.get(text);
    if (cached != null) {
      return cached;
    }
    ReferencePath parsed = new ReferencePath(text, parseSteps(text, false));
    if (CACHE.size() > 10_000) {
      CACHE.clear();
    }
    CACHE.put(text, parsed);
    return parsed;
  }

  /**
   * Puts {@code value} at this path in a copy of {@code input} (only the nodes on the path are
   * copied).
   */
  JsonNode place(JsonNode input, JsonNode value) {
    if (steps.isEmpty()) {
      return value;
    }
    return placeAt(input, 0, value);
  }

  private JsonNode placeAt(JsonNode node, int position, JsonNode value) {
    Step step = steps.get(position);
    boolean last = position == steps.size() - 1;
    if (step.name() != null) {
      if (node == null || node.isMissingNode()) {
        node = JsonNodeFactory.instance.objectNode();
      }
      if (!node.isObject()) {
        throw mismatch(node);
      }
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      copy.setAll((ObjectNode) node);
      JsonNode child = last ? value : placeAt(node.get(step.name()), position + 1, value);
      copy.set(step.name(), child);
      return copy;
    }
    if (node == null || !node.isArray() || step.index() >= node.size()) {
      throw mismatch(node);
    }
    ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
    copy.addAll((ArrayNode) node);
    JsonNode child = last ? value : placeAt(node.get(step.index()), position + 1, value);
    copy.set(step.index(), child);
    return copy;
  }

  private QueryException mismatch(JsonNode node) {
    return new QueryException(
        QueryException.RESULT_PATH_MATCH_FAILURE,
        "Unable to apply ReferencePath "
            + text
            + " to input "
            + (node == null ? "null" : node.toString()));
  }

  /**
   * The steps of a Reference Path after its root; IllegalArgumentException names what is not
   * allowed. Reading may start at the context object ($$) or a variable ($name); writing only at $.
   */
  static List<Step> parseSteps(String path, boolean readOnly) {
    if (path == null || !path.startsWith("$")) {
      throw new IllegalArgumentException("a reference path must start with '$'");
    }
    int i = 1;
    if (path.startsWith("$$")) {
      if (!readOnly) {
        throw new IllegalArgumentException("the context object ($$) cannot be written");
      }
      i = 2;
    } else if (path.length() > 1 && (Character.isLetter(path.charAt(1)) || path.charAt(1) == '_')) {
      if (!readOnly) {
        throw new IllegalArgumentException(
            "a variable cannot be written by a ResultPath; use Assign");
      }
      while (i < path.length()
          && (Character.isLetterOrDigit(path.charAt(i)) || path.charAt(i) == '_')) {
        i++;
      }
    }
    List<Step> steps = new ArrayList<>();
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '.') {
        if (i + 1 < path.length() && path.charAt(i + 1) == '.') {
          throw new IllegalArgumentException("deep scan '..' names more than one node");
        }
        int end = i + 1;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        String name = path.substring(i + 1, end);
        if (name.isEmpty() || name.equals("*") || name.contains("@") || name.contains(",")) {
          throw new IllegalArgumentException("'" + name + "' is not a single field name");
        }
        steps.add(new Step(name, -1));
        i = end;
      } else if (c == '[') {
        int close = closingBracket(path, i);
        String inside = path.substring(i + 1, close).trim();
        steps.add(bracketStep(inside));
        i = close + 1;
      } else {
        throw new IllegalArgumentException("unexpected '" + c + "' at position " + i);
      }
    }
    return List.copyOf(steps);
  }

  private static int closingBracket(String path, int open) {
    char quote = 0;
    for (int i = open + 1; i < path.length(); i++) {
      char c = path.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == ']') {
        return i;
      }
    }
    throw new IllegalArgumentException("'[' at position " + open + " is not closed");
  }

  private static Step bracketStep(String inside) {
    if (inside.length() >= 2
        && (inside.startsWith("'") && inside.endsWith("'")
            || inside.startsWith("\"") && inside.endsWith("\""))) {
      return new Step(inside.substring(1, inside.length() - 1), -1);
    }
    if (inside.matches("\\d+")) {
      return new Step(null, Integer.parseInt(inside));
    }
    throw new IllegalArgumentException("'[" + inside + "]' does not name a single node");
  }
}
