package io.computecase.local.sfn.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the intrinsic call syntax: {@code States.Name(arg, ...)} where an argument is a string
 * literal in single quotes (escapes \' \{ \} \\), a number, true, false, null, a Path or a nested
 * call. Errors are IllegalArgumentException naming the position and the fix.
 */
final class IntrinsicParser {
  /**
   * AWS allows up to 10 intrinsic functions within one field; its guide counts every call of the
   * field ("nine nested intrinsic functions" for a field with nine calls).
   */
  static final int MAX_CALLS = 10;

  private final String text;
  private int position;
  private int calls;

  private IntrinsicParser(String text) {
    this.text = text;
  }

  static IntrinsicExpression.Call parse(String text) {
    IntrinsicParser parser = new IntrinsicParser(text);
    parser.skipSpaces();
    IntrinsicExpression.Call call = parser.call();
    parser.skipSpaces();
    if (parser.position != text.length()) {
      throw parser.error("unexpected text after the closing parenthesis");
    }
    return call;
  }

  private IntrinsicExpression.Call call() {
    int start = position;
    while (position < text.length()
        && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '.')) {
      position++;
    }
    String name = text.substring(start, position);
    if (!name.startsWith("States.")) {
      throw error("expected an intrinsic function name such as States.Format");
    }
    IntrinsicFunction function = IntrinsicCatalog.lookup(name);
    if (function == null) {
      throw new IllegalArgumentException(
          "The intrinsic function '"
              + name
              + "' is not supported; use one of "
              + IntrinsicCatalog.names());
    }
    if (++calls > MAX_CALLS) {
      throw new IllegalArgumentException(
          "A field may contain at most "
              + MAX_CALLS
              + " intrinsic functions, but '"
              + text
              + "' has more");
    }
    skipSpaces();
    expect('(');
    List<IntrinsicExpression> arguments = new ArrayList<>();
    skipSpaces();
    if (peek() == ')') {
      position++;
      return new IntrinsicExpression.Call(name, function, List.copyOf(arguments));
    }
    while (true) {
      skipSpaces();
      arguments.add(argument());
      skipSpaces();
      char next = peek();
      position++;
      if (next == ')') {
        return new IntrinsicExpression.Call(name, function, List.copyOf(arguments));
      }
      if (next != ',') {
        position--;
        throw error("expected ',' or ')'");
      }
    }
  }

  private IntrinsicExpression argument() {
    char c = peek();
    if (c == '\'') {
      return stringLiteral();
    }
    if (c == '$') {
      return new IntrinsicExpression.PathArgument(path());
    }
    if (c == '-' || Character.isDigit(c)) {
      return new IntrinsicExpression.Literal(number(), null);
    }
    if (text.startsWith("States.", position)) {
      return call();
    }
    if (word("null")) {
      return new IntrinsicExpression.Literal(NullNode.getInstance(), null);
    }
    if (word("true")) {
      return new IntrinsicExpression.Literal(BooleanNode.TRUE, null);
    }
    if (word("false")) {
      return new IntrinsicExpression.Literal(BooleanNode.FALSE, null);
    }
    throw error(
        "expected an argument: a 'string', a number, true, false, null, a $path or a States call");
  }

  private boolean word(String word) {
    if (text.startsWith(word, position)) {
      int end = position + word.length();
      if (end == text.length() || !Character.isLetterOrDigit(text.charAt(end))) {
        position = end;
        return true;
      }
    }
    return false;
  }

  private IntrinsicExpression stringLiteral() {
    position++;
    StringBuilder value = new StringBuilder();
    StringBuilder segment = new StringBuilder();
    List<String> segments = new ArrayList<>();
    while (true) {
      if (position >= text.length()) {
        throw error("the string literal is not closed with '");
      }
      char c = text.charAt(position++);
      if (c == '\'') {
        segments.add(segment.toString());
        return new IntrinsicExpression.Literal(
            new TextNode(value.toString()), List.copyOf(segments));
      }
      if (c == '\\') {
        if (position >= text.length()) {
          throw error("an open escape '\\' ends the text; write \\\\ for a backslash");
        }
        char escaped = text.charAt(position++);
        if (escaped != '\'' && escaped != '{' && escaped != '}' && escaped != '\\') {
          throw new IllegalArgumentException(
              "Invalid escape sequence '\\"
                  + escaped
                  + "' at position "
                  + (position - 2)
                  + " in '"
                  + text
                  + "'; only \\', \\{, \\} and \\\\ are allowed");
        }
        value.append(escaped);
        segment.append(escaped);
      } else if (c == '{' && position < text.length() && text.charAt(position) == '}') {
        position++;
        value.append("{}");
        segments.add(segment.toString());
        segment.setLength(0);
      } else {
        value.append(c);
        segment.append(c);
      }
    }
  }

  private JsonNode number() {
    int start = position;
    if (peek() == '-') {
      position++;
    }
    while (position < text.length()
        && (Character.isDigit(text.charAt(position))
            || ".eE+-".indexOf(text.charAt(position)) >= 0)) {
      position++;
    }
    String literal = text.substring(start, position);
    try {
      if (literal.matches("-?\\d+")) {
        long value = Long.parseLong(literal);
        return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
      }
      return DoubleNode.valueOf(Double.parseDouble(literal));
    } catch (NumberFormatException e) {
      position = start;
      throw error("'" + literal + "' is not a number");
    }
  }

  /** A path ends at the first ',' or ')' outside brackets, parentheses and quotes. */
  private String path() {
    int start = position;
    int nesting = 0;
    char quote = 0;
    while (position < text.length()) {
      char c = text.charAt(position);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '[' || c == '(') {
        nesting++;
      } else if (c == ']' || c == ')') {
        if (nesting == 0) {
          break;
        }
        nesting--;
      } else if (c == ',' && nesting == 0) {
        break;
      }
      position++;
    }
    String path = text.substring(start, position).trim();
    JsonPaths.validatePath(path)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(problem);
            });
    return path;
  }

  private char peek() {
    return position < text.length() ? text.charAt(position) : '\0';
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    position++;
  }

  private void skipSpaces() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(
        "The intrinsic function '" + text + "' is invalid at position " + position + ": " + what);
  }
}
