package io.computecase.local.events.transform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.computecase.local.events.model.Event;
import io.computecase.local.events.model.EventsException;
import io.computecase.local.events.model.TargetInput;
import io.computecase.local.protocol.AwsJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An InputTransformer: variables read from the event by InputPathsMap, filled into InputTemplate at
 * their {@code <name>} placeholders with AWS's rules. In a JSON template a placeholder outside
 * quotes takes the value as JSON (a string gets quotes, a missing value is {@code null}); inside
 * quotes it takes the value's text, escaped so the string stays valid. In a plain-text template
 * values are inserted as they are. The predefined {@code aws.events.*} variables are always set.
 */
public final class InputTemplate implements TargetInput {
  static final String RULE_ARN = "aws.events.rule-arn";
  static final String RULE_NAME = "aws.events.rule-name";
  static final String INGESTION_TIME = "aws.events.event.ingestion-time";
  static final String EVENT = "aws.events.event";
  static final String EVENT_JSON = "aws.events.event.json";
  private static final List<String> PREDEFINED =
      List.of(RULE_ARN, RULE_NAME, INGESTION_TIME, EVENT, EVENT_JSON);

  /** A piece of the template: literal text, or a variable with where it stands. */
  private record Segment(String literal, String variable, boolean quoted) {}

  private final Map<String, JsonPathExpression> paths;
  private final List<Segment> segments;
  private final boolean json;

  private InputTemplate(
      Map<String, JsonPathExpression> paths, List<Segment> segments, boolean json) {
    this.paths = paths;
    this.segments = segments;
    this.json = json;
  }

  /** Compiles and checks a transformer; errors name the target and the fix. */
  public static InputTemplate compile(
      String targetId, Map<String, String> pathsMap, String template) {
    if (template == null || template.isEmpty()) {
      throw EventsException.invalid(
          "Parameter InputTransformer.InputTemplate is not valid for target "
              + targetId
              + ". Reason: InputTemplate is required and must not be empty.");
    }
    if (pathsMap.size() > 100) {
      throw EventsException.invalid(
          "InputPathsMap of target "
              + targetId
              + " has "
              + pathsMap.size()
              + " entries; at most 100 are allowed.");
    }
    Map<String, JsonPathExpression> paths = new LinkedHashMap<>();
    pathsMap.forEach(
        (name, path) -> {
          if (name.startsWith("aws.")) {
            throw EventsException.invalid(
                "InputPathsMap key '"
                    + name
                    + "' of target "
                    + targetId
                    + " is not valid: names starting with 'aws.' are reserved for predefined"
                    + " variables.");
          }
          paths.put(name, JsonPathExpression.parse(path, "InputTransformer.InputPathsMap." + name));
        });
    boolean json = template.strip().startsWith("{") || template.strip().startsWith("[");
    InputTemplate compiled = new InputTemplate(paths, parse(template, paths), json);
    if (json) {
      compiled.checkJson(targetId);
    }
    return compiled;
  }

  private static List<Segment> parse(String template, Map<String, JsonPathExpression> paths) {
    List<Segment> segments = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '\\' && i + 1 < template.length()) {
        literal.append(c).append(template.charAt(++i));
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '<') {
        int close = template.indexOf('>', i);
        String name = close < 0 ? "" : template.substring(i + 1, close);
        if (paths.containsKey(name) || PREDEFINED.contains(name)) {
          segments.add(new Segment(literal.toString(), null, false));
          literal.setLength(0);
          segments.add(new Segment(null, name, quoted));
          i = close;
          continue;
        }
      }
      literal.append(c);
    }
    segments.add(new Segment(literal.toString(), null, false));
    return List.copyOf(segments);
  }

  private void checkJson(String targetId) {
    StringBuilder probe = new StringBuilder();
    for (Segment segment : segments) {
      probe.append(segment.literal() != null ? segment.literal() : segment.quoted() ? "" : "null");
    }
    try {
      AwsJson.MAPPER.readTree(probe.toString());
    } catch (JsonProcessingException e) {
      throw EventsException.invalid(
          "InputTemplate for target "
              + targetId
              + " contains invalid JSON: "
              + e.getOriginalMessage()
              + ". Put placeholders of strings inside quotes or as whole JSON values, never as"
              + " object keys.");
    }
  }

  @Override
  public String render(Event event, String ruleName, String ruleArn) {
    StringBuilder out = new StringBuilder();
    for (Segment segment : segments) {
      if (segment.literal() != null) {
        out.append(segment.literal());
      } else {
        append(out, value(segment.variable(), event, ruleName, ruleArn), segment.quoted());
      }
    }
    return out.toString();
  }

  private JsonNode value(String variable, Event event, String ruleName, String ruleArn) {
    switch (variable) {
      case RULE_ARN:
        return AwsJson.MAPPER.getNodeFactory().textNode(ruleArn);
      case RULE_NAME:
        return AwsJson.MAPPER.getNodeFactory().textNode(ruleName);
      case INGESTION_TIME:
        return AwsJson.MAPPER.getNodeFactory().textNode(Event.iso(event.ingestionTime()));
      case EVENT:
        ObjectNode withoutDetail = ((ObjectNode) event.envelope()).deepCopy();
        withoutDetail.remove("detail");
        return withoutDetail;
      case EVENT_JSON:
        return event.envelope();
      default:
        return paths.get(variable).select(event.envelope());
    }
  }

  private void append(StringBuilder out, JsonNode value, boolean quoted) {
    if (value.isMissingNode() || value.isNull()) {
      out.append(quoted || !json ? "" : "null");
      return;
    }
    String text = value.isTextual() ? value.asText() : value.toString();
    if (quoted) {
      out.append(JsonStringEncoder.getInstance().quoteAsString(text));
    } else if (json && value.isTextual()) {
      out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(text)).append('"');
    } else {
      out.append(text);
    }
  }
}
