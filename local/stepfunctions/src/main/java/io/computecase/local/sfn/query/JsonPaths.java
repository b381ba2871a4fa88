package io.computecase.local.sfn.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.PathNotFoundException;
import java.util.Optional;

/**
 * The JSONPath query language of ASL: Paths ({@code $...} on the input, {@code $$...} on the
 * context object, {@code $name...} on a workflow variable) and the ResultPath merge.
 */
public final class JsonPaths {

  private JsonPaths() {}

  /**
   * Selects what {@code path} points at. A definite path that matches nothing fails with
   * States.Runtime, as AWS fails InputPath, OutputPath, ItemsPath and Choice variables. An
   * indefinite path (a wildcard, slice, filter or deep scan) selects a list, which is empty when
   * nothing matches: also when a field on the way to the wildcard or slice is missing, or what the
   * slice is applied to is not an array. An index past the end of an array is a definite path to
   * nothing too: the ASL specification fails a path that "is legal but cannot be applied
   * successfully". Outside a state that has a task token, {@code $$.Task} and what is under it are
   * null, as the Guide says of the context object.
   */
  public static JsonNode select(String path, QueryScope scope) {
    CompiledPath compiled = CompiledPath.of(path);
    JsonNode document = compiled.document(scope);
    if (document == null) {
      document = NullNode.getInstance();
    }
    if (compiled.jsonPath() == null) {
      return document;
    }
    if (compiled.steps() != null) {
      JsonNode found = compiled.walk(document);
      if (found != null) {
        return found;
      }
      if (compiled.readsAbsentTask(document)) {
        // The Guide, on the context object: "The value for a Task field is null if the
        // Parameters field is outside of a task state."
        return NullNode.getInstance();
      }
    }
    try {
      Object value = compiled.jsonPath().read(document, JaywayJackson.CONFIGURATION);
      if (compiled.steps() != null) {
        // The walk found nothing, yet jayway answers: an index past the end of an array, which
        // jayway reads as null. The path names one node that is not there, as a missing field.
        throw new QueryException(
            QueryException.RUNTIME,
            "Invalid path '" + path + "' : No results for path: " + compiled.jsonPath().getPath());
      }
      return JaywayJackson.toNode(value);
    } catch (PathNotFoundException e) {
      if (!compiled.jsonPath().isDefinite()) {
        // jayway only tolerates a missing field after the path became indefinite; a list of
        // matches is empty whichever step found nothing.
        return JsonNodeFactory.instance.arrayNode();
      }
      throw new QueryException(
          QueryException.RUNTIME, "Invalid path '" + path + "' : " + e.getMessage());
    } catch (JsonPathException | IllegalArgumentException e) {
      // PathNotFoundException words it as AWS does: "No results for path: $['x']".
      throw new QueryException(
          QueryException.RUNTIME, "Invalid path '" + path + "' : " + e.getMessage());
    }
  }

  /** Like {@link #select} but answers empty instead of failing when nothing matches. */
  public static Optional<JsonNode> find(String path, QueryScope scope) {
    CompiledPath compiled = CompiledPath.of(path);
    if (compiled.variable() != null && !scope.variables().containsKey(compiled.variable())) {
      return Optional.empty();
    }
    if (compiled.steps() != null) {
      // A simple path needs no jayway and no exception to learn that nothing is there.
      JsonNode document = compiled.document(scope);
      return Optional.ofNullable(document == null ? null : compiled.walk(document));
    }
    try {
      return Optional.of(select(path, scope));
    } catch (QueryException e) {
      return Optional.empty();
    }
  }

  /**
   * Places {@code result} into {@code input} at the Reference Path {@code resultPath}: "$" replaces
   * the input, null discards the result and keeps the input, any other path sets that field,
   * creating missing intermediate objects. The input is not modified; a copy is returned.
   */
  public static JsonNode applyResultPath(JsonNode input, String resultPath, JsonNode result) {
    if (resultPath == null) {
      return input;
    }
    JsonNode value = result == null ? NullNode.getInstance() : result;
    ReferencePath target;
    try {
      target = ReferencePath.of(resultPath);
    } catch (IllegalArgumentException e) {
      throw new QueryException(
          QueryException.RESULT_PATH_MATCH_FAILURE,
          "Unable to apply ReferencePath " + resultPath + ": " + e.getMessage());
    }
    return target.place(input, value);
  }

  /** Why {@code path} is not a valid ASL Path, or empty when it is. */
  public static Optional<String> validatePath(String path) {
    if (path == null || !path.startsWith("$")) {
      return Optional.of(
          "The value '" + path + "' is not a valid JSONPath: it must start with '$'");
    }
    try {
      CompiledPath.of(path);
      return Optional.empty();
    } catch (InvalidPathException | IllegalArgumentException e) {
      return Optional.of("The value '" + path + "' is not a valid JSONPath: " + e.getMessage());
    }
  }

  /**
   * Why {@code path} is not a valid ASL Reference Path (a path naming one node), or empty. Paths
   * that read ($$..., $variable...) are accepted; use {@link #validateResultPath} for ResultPath.
   */
  public static Optional<String> validateReferencePath(String path) {
    Optional<String> asPath = validatePath(path);
    if (asPath.isPresent()) {
      return asPath;
    }
    try {
      ReferencePath.parseSteps(path, true);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(
          "The value '" + path + "' is not a valid ReferencePath: " + e.getMessage());
    }
  }

  /** Why {@code path} cannot be a ResultPath (a Reference Path into the input), or empty. */
  public static Optional<String> validateResultPath(String path) {
    Optional<String> asPath = validatePath(path);
    if (asPath.isPresent()) {
      return asPath;
    }
    try {
      ReferencePath.parseSteps(path, false);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(
          "The value '" + path + "' is not a valid ReferencePath: " + e.getMessage());
    }
  }

  /** The jayway form of a path, compiled once. */
  static JsonPath compileJayway(String jsonPath) {
    return JsonPath.compile(jsonPath);
  }
}
