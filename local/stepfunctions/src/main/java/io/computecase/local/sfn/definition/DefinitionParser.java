package io.computecase.local.sfn.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.computecase.local.protocol.AwsJson;
import io.computecase.local.sfn.query.QueryLanguage;
import io.computecase.local.sfn.states.State;
import io.computecase.local.sfn.states.StateGraph;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a definition once into an immutable tree and validates it as CreateStateMachine does,
 * collecting AWS-style diagnostics (code, message, JSON-pointer location).
 */
public final class DefinitionParser {
  private final Diagnostics diagnostics = new Diagnostics();
  private final StateParser states = new StateParser(this, diagnostics);

  private DefinitionParser() {}

  /** The parsed definition, or an InvalidDefinitionException listing every problem. */
  public static StateMachineDefinition parse(String text) {
    DefinitionParser parser = new DefinitionParser();
    StateMachineDefinition definition = parser.parseText(text);
    if (!parser.diagnostics.isEmpty()) {
      throw new InvalidDefinitionException(parser.diagnostics.all());
    }
    return definition;
  }

  /** Every problem in the definition; empty when it is valid. */
  public static List<Diagnostic> validate(String text) {
    DefinitionParser parser = new DefinitionParser();
    parser.parseText(text);
    return parser.diagnostics.all();
  }

  /**
   * TestState's definition of one state: a state object, checked as a state of a machine is, whose
   * Next and Catch targets lie outside it. The state is called {@code name}.
   */
  public static State parseState(String text, String name) {
    DefinitionParser parser = new DefinitionParser();
    JsonNode root = parser.root(text);
    State state = root == null ? null : parser.states.parse(name, root, QueryLanguage.JSONPATH, "");
    if (!parser.diagnostics.isEmpty()) {
      throw new InvalidDefinitionException(parser.diagnostics.all());
    }
    return state;
  }

  /** The definition's JSON object, or null with a diagnostic. */
  private JsonNode root(String text) {
    if (text == null || text.isBlank()) {
      diagnostics.add("MISSING_DESCRIPTION", "The definition is empty", "/");
      return null;
    }
    JsonNode root;
    try {
      root = AwsJson.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      diagnostics.add(
          "INVALID_JSON_DESCRIPTION",
          "The definition is not valid JSON: " + e.getOriginalMessage(),
          "/");
      return null;
    }
    if (root == null || !root.isObject()) {
      diagnostics.add("INVALID_JSON_DESCRIPTION", "The definition must be a JSON object", "/");
      return null;
    }
    return root;
  }

  private StateMachineDefinition parseText(String text) {
    JsonNode root = root(text);
    if (root == null) {
      return null;
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!Set.of("StartAt", "States", "Comment", "Version", "TimeoutSeconds", "QueryLanguage")
          .contains(name)) {
        diagnostics.schema("Field '" + name + "' is not supported", "/" + name);
      }
    }
    QueryLanguage language = language(root, QueryLanguage.JSONPATH, "");
    Integer timeout = null;
    JsonNode timeoutNode = root.get("TimeoutSeconds");
    if (timeoutNode != null) {
      if (!timeoutNode.isIntegralNumber()
          || timeoutNode.asLong() <= 0
          || timeoutNode.asLong() > 99_999_999) {
        diagnostics.schema(
            "The value for the field 'TimeoutSeconds' must be a positive integer",
            "/TimeoutSeconds");
      } else {
        timeout = timeoutNode.asInt();
      }
    }
    StateGraph graph = graph(root, language, "", true);
    String comment = root.path("Comment").isTextual() ? root.get("Comment").asText() : null;
    return graph == null ? null : new StateMachineDefinition(graph, timeout, comment);
  }

  /** The QueryLanguage field of a node, or the inherited one. */
  QueryLanguage language(JsonNode node, QueryLanguage inherited, String location) {
    JsonNode value = node.get("QueryLanguage");
    if (value == null) {
      return inherited;
    }
    try {
      QueryLanguage chosen = QueryLanguage.fromAsl(value.asText());
      if (inherited == QueryLanguage.JSONATA && chosen == QueryLanguage.JSONPATH) {
        diagnostics.schema(
            "A state cannot use JSONPath when the state machine's QueryLanguage is JSONata",
            location + "/QueryLanguage");
      }
      return chosen;
    } catch (IllegalArgumentException e) {
      diagnostics.fromQuery(e.getMessage(), location + "/QueryLanguage");
      return inherited;
    }
  }

  /** Parses StartAt and States of a machine, branch or item processor at {@code location}. */
  StateGraph graph(JsonNode node, QueryLanguage language, String location, boolean topLevel) {
    JsonNode startAt = node.get("StartAt");
    JsonNode statesNode = node.get("States");
    if (startAt == null || !startAt.isTextual()) {
      diagnostics.schema(
          "The field 'StartAt' is required and must be a string", location + "/StartAt");
    }
    if (statesNode == null || !statesNode.isObject() || statesNode.isEmpty()) {
      diagnostics.schema(
          "The field 'States' is required and must be an object with at least one state",
          location + "/States");
      return null;
    }
    Map<String, State> parsed = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = statesNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String name = entry.getKey();
      String stateLocation = location + "/States/" + name;
      if (name.isEmpty() || name.length() > 80) {
        diagnostics.add(
            "INVALID_STATE_NAME",
            "The state name '" + name + "' must be between 1 and 80 characters",
            stateLocation);
      }
      State state = states.parse(name, entry.getValue(), language, stateLocation);
      if (state != null) {
        parsed.put(name, state);
      }
    }
    if (startAt != null && startAt.isTextual() && !statesNode.has(startAt.asText())) {
      diagnostics.add(
          "MISSING_TRANSITION_TARGET",
          "Missing 'Next' target: " + startAt.asText(),
          location + "/StartAt");
    }
    checkTransitions(statesNode, location);
    if (startAt != null && startAt.isTextual() && diagnostics.isEmpty()) {
      checkReachability(startAt.asText(), parsed, location);
    }
    if (startAt == null || !startAt.isTextual()) {
      return null;
    }
    return new StateGraph(startAt.asText(), Map.copyOf(parsed), language);
  }

  private void checkTransitions(JsonNode statesNode, String location) {
    boolean terminal = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = statesNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode state = entry.getValue();
      String stateLocation = location + "/States/" + entry.getKey();
      String type = state.path("Type").asText();
      if (state.path("End").asBoolean(false) || type.equals("Succeed") || type.equals("Fail")) {
        terminal = true;
      }
      target(statesNode, state.get("Next"), stateLocation + "/Next");
      target(statesNode, state.get("Default"), stateLocation + "/Default");
      JsonNode choices = state.get("Choices");
      if (choices != null && choices.isArray()) {
        for (int i = 0; i < choices.size(); i++) {
          target(statesNode, choices.get(i).get("Next"), stateLocation + "/Choices/" + i + "/Next");
        }
      }
      JsonNode catchers = state.get("Catch");
      if (catchers != null && catchers.isArray()) {
        for (int i = 0; i < catchers.size(); i++) {
          target(statesNode, catchers.get(i).get("Next"), stateLocation + "/Catch/" + i + "/Next");
        }
      }
    }
    if (!terminal) {
      diagnostics.add(
          "MISSING_END_STATE",
          "Workflow has no terminal state",
          location.isEmpty() ? "/" : location);
    }
  }

  private void target(JsonNode statesNode, JsonNode next, String location) {
    if (next != null && next.isTextual() && !statesNode.has(next.asText())) {
      diagnostics.add(
          "MISSING_TRANSITION_TARGET", "Missing 'Next' target: " + next.asText(), location);
    }
  }

  private void checkReachability(String startAt, Map<String, State> parsed, String location) {
    Set<String> reached = new HashSet<>();
    Deque<String> pending = new ArrayDeque<>();
    pending.add(startAt);
    while (!pending.isEmpty()) {
      String name = pending.poll();
      State state = parsed.get(name);
      if (state == null || !reached.add(name)) {
        continue;
      }
      pending.addAll(state.transitions());
    }
    for (String name : parsed.keySet()) {
      if (!reached.contains(name)) {
        diagnostics.add(
            "UNREACHABLE_STATE",
            "State \"" + name + "\" is not reachable.",
            location + "/States/" + name);
      }
    }
  }
}
