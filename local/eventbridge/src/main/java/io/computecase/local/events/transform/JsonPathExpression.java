package io.computecase.local.events.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.computecase.local.events.model.EventsException;
import io.computecase.local.protocol.AwsJson;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSONPath subset EventBridge evaluates in InputPath and InputPathsMap: {@code $}, dot notation
 * (names may hold dashes, underscores and slashes), array indices {@code [n]} and wildcards {@code
 * *}. Bracket notation for names is refused, as AWS refuses it.
 */
public final class JsonPathExpression {
  private final String text;
  private final List<Step> steps;

  /** One step of a path: a member name, an array index, or every child. */
  private record Step(String name, int index, boolean wildcard) {}

  private JsonPathExpression(String text, List<Step> steps) {
    this.text = text;
    this.steps = steps;
  }

  /**
   * @param member the request member the path came from, named in the error
   */
  public static JsonPathExpression parse(String text, String member) {
    if (text == null || !text.startsWith("$")) {
      throw invalid(member, text, "a JSON path must start with $");
    }
    List<Step> steps = new ArrayList<>();
    int i = 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
          end++;
        }
        String name = text.substring(i + 1, end);
        if (name.isEmpty()) {
          throw invalid(member, text, "empty name after '.'");
        }
        steps.add(new Step(name, -1, name.equals("*")));
        i = end;
      } else if (c == '[') {
        int close = text.indexOf(']', i);
        if (close < 0) {
          throw invalid(member, text, "unclosed '['");
        }
        String index = text.substring(i + 1, close).trim();
        if (!index.equals("*") && !index.matches("\\d+")) {
          throw invalid(
              member, text, "use dot notation for names; brackets hold only an index or *");
        }
        steps.add(
            index.equals("*")
                ? new Step(null, -1, true)
                : new Step(null, Integer.parseInt(index), false));
        i = close + 1;
      } else {
        throw invalid(member, text, "unexpected '" + c + "' at position " + i);
      }
    }
    return new JsonPathExpression(text, List.copyOf(steps));
  }

  private static EventsException invalid(String member, String text, String reason) {
    return EventsException.invalid(
        "Parameter "
            + member
            + " is not valid. Reason: '"
            + text
            + "' is not a supported JSON path: "
            + reason
            + ".");
  }

  /** The selected value; a missing node when the path selects nothing. */
  public JsonNode select(JsonNode root) {
    List<JsonNode> current = List.of(root);
    boolean wildcard = false;
    for (Step step : steps) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : current) {
        if (step.wildcard()) {
          wildcard = true;
          node.elements().forEachRemaining(next::add);
        } else if (step.name() == null) {
          JsonNode child = node.isArray() ? node.get(step.index()) : null;
          if (child != null) {
            next.add(child);
          }
        } else {
          JsonNode child = node.get(step.name());
          if (child != null) {
            next.add(child);
          }
        }
      }
      current = next;
    }
    if (wildcard) {
      ArrayNode all = AwsJson.MAPPER.createArrayNode();
      current.forEach(all::add);
      return all;
    }
    return current.isEmpty() ? MissingNode.getInstance() : current.get(0);
  }

  @Override
  public String toString() {
    return text;
  }
}
