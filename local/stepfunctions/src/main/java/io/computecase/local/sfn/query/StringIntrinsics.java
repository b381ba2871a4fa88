package io.computecase.local.sfn.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.StringTokenizer;
import java.util.UUID;

/** The string intrinsics: States.Format, States.StringSplit and States.UUID. */
final class StringIntrinsics {
  private StringIntrinsics() {}

  static JsonNode format(IntrinsicArguments args) {
    if (args.size() == 0) {
      throw args.failure("The function States.Format expects at least 1 argument but received 0");
    }
    String template = args.string(0);
    List<String> segments = args.firstLiteralSegments();
    if (segments == null) {
      segments = List.of(template.split("\\{}", -1));
    }
    int placeholders = segments.size() - 1;
    if (placeholders != args.size() - 1) {
      throw args.failure(
          "The template given to States.Format has "
              + placeholders
              + (placeholders == 1 ? " placeholder {}" : " placeholders {}")
              + " but "
              + (args.size() - 1)
              + (args.size() - 1 == 1 ? " value was" : " values were")
              + " given");
    }
    StringBuilder text = new StringBuilder(segments.get(0));
    for (int i = 1; i < segments.size(); i++) {
      JsonNode value = args.get(i);
      text.append(value.isTextual() ? value.textValue() : value.toString());
      text.append(segments.get(i));
    }
    return new TextNode(text.toString());
  }

  /** Splits at any of the delimiter's characters, dropping empty pieces. */
  static JsonNode split(IntrinsicArguments args) {
    args.expectCount(2);
    String text = args.string(0);
    String delimiters = args.string(1);
    ArrayNode pieces = JsonNodeFactory.instance.arrayNode();
    StringTokenizer tokens = new StringTokenizer(text, delimiters);
    while (tokens.hasMoreTokens()) {
      pieces.add(tokens.nextToken());
    }
    return pieces;
  }

  static JsonNode uuid(IntrinsicArguments args) {
    args.expectCount(0);
    return new TextNode(UUID.randomUUID().toString());
  }
}
