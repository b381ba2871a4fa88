package io.computecase.local.sfn.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A JSONata expression that only names fields down from one part of {@code $states}, such as {@code
 * $states.input.request.busName} or {@code $states.context.Map.Item.Value}: the most common
 * expression in a state machine, and one whose value is plain to read from the JSON itself.
 *
 * <p>Reading it directly skips the JSONata engine (a copy of the parsed program, a frame, the
 * bindings and the walk through converted values), which was the larger part of evaluating such an
 * expression for every item of a Map. The direct read only answers where the answer is plainly
 * JSONata's: each step lands on an object member, and the value found is not an array (JSONata maps
 * a path over arrays and flattens what it finds). Anything else, including a missing member, is
 * left to the engine, which gives its own result or error.
 */
final class StatesPath {
  private static final Pattern SHAPE = Pattern.compile("\\$states(\\.[A-Za-z_][A-Za-z0-9_]*)+");

  /** Words JSONata reads as literals or operators, not field names, inside a path. */
  private static final Set<String> KEYWORDS =
      Set.of("true", "false", "null", "and", "or", "in", "function");

  private final Part part;
  private final List<String> fields;

  private enum Part {
    INPUT,
    CONTEXT,
    RESULT,
    ERROR_OUTPUT
  }

  private StatesPath(Part part, List<String> fields) {
    this.part = part;
    this.fields = fields;
  }

  /** The path {@code source} is, or null when it is any other expression. */
  static StatesPath of(String source) {
    if (!SHAPE.matcher(source).matches()) {
      return null;
    }
    List<String> steps = Arrays.asList(source.substring("$states.".length()).split("\\."));
    if (steps.stream().anyMatch(KEYWORDS::contains)) {
      return null;
    }
    Part part =
        switch (steps.get(0)) {
          case "input" -> Part.INPUT;
          case "context" -> Part.CONTEXT;
          case "result" -> Part.RESULT;
          case "errorOutput" -> Part.ERROR_OUTPUT;
          default -> null;
        };
    return part == null ? null : new StatesPath(part, List.copyOf(steps.subList(1, steps.size())));
  }

  /**
   * The value as JSONata gives it (a fresh tree, numbers as JSONata returns them), or null when
   * only the engine can tell: the walk leaves objects, misses a member or ends on an array.
   */
  JsonNode read(QueryScope scope) {
    JsonNode node =
        switch (part) {
          case INPUT -> scope.input();
          case CONTEXT -> scope.context();
          case RESULT -> scope.result();
          case ERROR_OUTPUT -> scope.errorOutput();
        };
    for (String field : fields) {
      if (node == null || !node.isObject()) {
        return null;
      }
      node = node.get(field);
    }
    if (node == null || node.isMissingNode() || node.isArray()) {
      return null;
    }
    return JsonataValues.copy(node);
  }
}
