package io.computecase.local.sfn.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Path split into what it reads (input, context object or a variable) and the jayway path applied
 * to it; compiled once per distinct path text.
 */
record CompiledPath(
    String text, Root root, String variable, JsonPath jsonPath, List<ReferencePath.Step> steps) {

  enum Root {
    INPUT,
    CONTEXT,
    VARIABLE
  }

  private static final int MAX_CACHED = 20_000;
  private static final ConcurrentHashMap<String, CompiledPath> CACHE = new ConcurrentHashMap<>();
  private static final Pattern VARIABLE = Pattern.compile("^\\$([A-Za-z_][A-Za-z0-9_]*)(.*)$");

  static CompiledPath of(String path) {
    CompiledPath cached = CACHE.get(path);
    if (cached != null) {
      return cached;
    }
    CompiledPath compiled = compile(path);
    if (CACHE.size() >= MAX_CACHED) {
      CACHE.clear();
    }
    CACHE.put(path, compiled);
    return compiled;
  }

  private static CompiledPath compile(String path) {
    if (path == null || !path.startsWith("$")) {
      throw new IllegalArgumentException("a path must start with '$'");
    }
    if (path.startsWith("$$")) {
      String rest = path.substring(2);
      return new CompiledPath(path, Root.CONTEXT, null, jayway(rest), simpleSteps(path));
    }
    Matcher variable = VARIABLE.matcher(path);
    if (variable.matches()) {
      return new CompiledPath(
          path, Root.VARIABLE, variable.group(1), jayway(variable.group(2)), simpleSteps(path));
    }
    return new CompiledPath(path, Root.INPUT, null, jayway(path.substring(1)), simpleSteps(path));
  }

  /** The steps of a path naming one node, walked without jayway; null for any other path. */
  private static List<ReferencePath.Step> simpleSteps(String path) {
    try {
      return ReferencePath.parseSteps(path, true);
    } catch (IllegalArgumentException notSimple) {
      return null;
    }
  }

  /**
   * Walks the simple steps; null when a step finds nothing, so that the caller asks jayway, whose
   * message AWS reports.
   */
  JsonNode walk(JsonNode document) {
    JsonNode node = document;
    for (ReferencePath.Step step : steps) {
      if (node == null) {
        return null;
      }
      if (step.name() != null) {
        node = node.isObject() ? node.get(step.name()) : null;
      } else {
        node = node.isArray() && step.index() < node.size() ? node.get(step.index()) : null;
      }
    }
    return node;
  }

  /**
   * Whether this path reads {@code $$.Task} or below it while the context object has no Task: the
   * Guide's context object has "Task" null outside a task state.
   */
  boolean readsAbsentTask(JsonNode document) {
    return root == Root.CONTEXT
        && !steps.isEmpty()
        && "Task".equals(steps.get(0).name())
        && document != null
        && document.isObject()
        && !document.has("Task");
  }

  /** Null for the whole document; otherwise the jayway path for the part after the root. */
  private static JsonPath jayway(String afterRoot) {
    if (afterRoot.isEmpty()) {
      return null;
    }
    if (!afterRoot.startsWith(".") && !afterRoot.startsWith("[")) {
      throw new IllegalArgumentException("unexpected '" + afterRoot + "' after the root");
    }
    return JsonPaths.compileJayway("$" + afterRoot);
  }

  JsonNode document(QueryScope scope) {
    return switch (root) {
      case INPUT -> scope.input();
      case CONTEXT -> scope.context();
      case VARIABLE -> {
        JsonNode value = scope.variables().get(variable);
        if (value == null) {
          throw new QueryException(
              QueryException.RUNTIME,
              "Invalid path '" + text + "' : The variable '$" + variable + "' is not defined");
        }
        yield value;
      }
    };
  }
}
