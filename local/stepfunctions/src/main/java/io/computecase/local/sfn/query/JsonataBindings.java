package io.computecase.local.sfn.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values one scope offers to JSONata, converted lazily and at most once, so a template with
 * many expressions converts the input once and an expression pays only for what it mentions.
 */
final class JsonataBindings {
  private final QueryScope scope;
  private Object input;
  private Object context;
  private Object result;
  private Object errorOutput;
  private boolean inputDone;
  private boolean contextDone;
  private boolean resultDone;
  private boolean errorOutputDone;
  private final Map<String, Object> variables = new HashMap<>();

  JsonataBindings(QueryScope scope) {
    this.scope = scope;
  }

  QueryScope scope() {
    return scope;
  }

  /** The bindings {@code references} needs: $states (with the parts it reads) and its variables. */
  Map<String, Object> resolve(JsonataReferences references) {
    Map<String, Object> bindings = new HashMap<>();
    for (String name : references.variables()) {
      Object value = variable(name);
      if (value != null) {
        bindings.put(name, value);
      }
    }
    if (references.readsStates()) {
      Map<String, Object> states = new LinkedHashMap<>();
      if (references.readsInput()) {
        states.put("input", input());
      }
      if (references.readsContext() && scope.context() != null) {
        states.put("context", context());
      }
      if (references.readsResult() && scope.result() != null) {
        states.put("result", result());
      }
      if (references.readsErrorOutput() && scope.errorOutput() != null) {
        states.put("errorOutput", errorOutput());
      }
      bindings.put("states", states);
    }
    return bindings;
  }

  private Object variable(String name) {
    if (variables.containsKey(name)) {
      return variables.get(name);
    }
    JsonNode value = scope.variables().get(name);
    Object converted = value == null ? null : JsonataValues.toJava(value);
    variables.put(name, converted);
    return converted;
  }

  private Object input() {
    if (!inputDone) {
      input = JsonataValues.toJava(scope.input());
      inputDone = true;
    }
    return input;
  }

  private Object context() {
    if (!contextDone) {
      context = JsonataValues.toJava(scope.context());
      contextDone = true;
    }
    return context;
  }

  private Object result() {
    if (!resultDone) {
      result = JsonataValues.toJava(scope.result());
      resultDone = true;
    }
    return result;
  }

  private Object errorOutput() {
    if (!errorOutputDone) {
      errorOutput = JsonataValues.toJava(scope.errorOutput());
      errorOutputDone = true;
    }
    return errorOutput;
  }
}
