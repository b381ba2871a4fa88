package io.computecase.local.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Malformed request bodies from one seeded {@link Random}, so that a run is repeated exactly from
 * its seed: random bytes and text, truncated JSON, values of the wrong JSON type, huge values and
 * deep nesting. Every body it makes is wrong for the request it goes into: none can be served.
 */
final class MalformedBodies {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Deeper than any JSON parser in the servers accepts (Jackson: 1,000; Kubernetes: 10,000). */
  static final int TOO_DEEP = 12_000;

  private final Random random;

  MalformedBodies(long seed) {
    this.random = new Random(seed);
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  /** Random bytes that start with one no JSON text starts with, so they are never valid JSON. */
  byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    bytes[0] = (byte) 0xFF;
    return bytes;
  }

  /** Random printable text, starting with a character no JSON text starts with. */
  String randomText(int length) {
    StringBuilder text = new StringBuilder("~");
    for (int i = 1; i < length; i++) {
      text.append((char) (' ' + random.nextInt(95)));
    }
    return text.toString();
  }

  /**
   * A strict prefix of a JSON object's text: never valid, since only the closing brace can end an
   * object. Cut at a random point past the opening brace.
   */
  String truncated(JsonNode object) {
    String text = object.toString();
    return text.substring(0, 1 + random.nextInt(text.length() - 1));
  }

  /** JSON texts that are valid JSON but not an object, which every request body must be. */
  static List<String> notObjects() {
    return List.of("[]", "[{}]", "\"request\"", "42", "-1.5e300", "true", "null");
  }

  /** Arrays nested {@code depth} deep: {@code [[[...]]]}. */
  static String nestedArrays(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  /** Objects nested {@code depth} deep: {@code {"a":{"a":...}}}. */
  static String nestedObjects(int depth) {
    return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
  }

  /** A JSON object with one member whose value nests far deeper than a parser accepts. */
  static String deepMember(String member) {
    return "{\"" + member + "\":" + nestedArrays(TOO_DEEP) + "}";
  }

  /** A string of {@code length} ASCII letters. */
  static String huge(int length) {
    return "x".repeat(length);
  }

  /** Bytes of a body of the given size, all inside one JSON string. */
  static byte[] hugeJsonBody(String member, int bytes) {
    String prefix = "{\"" + member + "\":\"";
    return (prefix + "x".repeat(Math.max(0, bytes - prefix.length() - 2)) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A value of another JSON type than {@code valid}'s, never null (AWS reads a null member as an
   * absent one): a string becomes a number, boolean, array or object, and so on.
   */
  JsonNode wrongType(JsonNode valid) {
    List<JsonNode> choices = new ArrayList<>();
    if (!valid.isTextual()) {
      choices.add(NODES.textNode("not-" + typeName(valid)));
    }
    if (!valid.isNumber()) {
      choices.add(NODES.numberNode(random.nextInt(2) == 0 ? 7 : -12345678901L));
    }
    if (!valid.isBoolean()) {
      choices.add(NODES.booleanNode(random.nextBoolean()));
    }
    if (!valid.isArray()) {
      choices.add(NODES.arrayNode().add("x").add(1));
    }
    if (!valid.isObject()) {
      choices.add(NODES.objectNode().put("unexpected", "object"));
    }
    return pick(choices);
  }

  static String typeName(JsonNode value) {
    return value.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
