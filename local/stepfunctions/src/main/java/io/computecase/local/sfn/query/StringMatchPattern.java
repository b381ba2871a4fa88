package io.computecase.local.sfn.query;

import java.util.regex.Pattern;

/**
 * The StringMatches pattern language: "*" matches any run of characters, "\*" a literal star and
 * "\\" a literal backslash; everything else matches itself.
 */
final class StringMatchPattern {
  private StringMatchPattern() {}

  static Pattern compile(String pattern) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\'
          && i + 1 < pattern.length()
          && (pattern.charAt(i + 1) == '*' || pattern.charAt(i + 1) == '\\')) {
        literal.append(pattern.charAt(++i));
      } else if (c == '*') {
        flush(regex, literal);
        regex.append(".*");
      } else {
        literal.append(c);
      }
    }
    flush(regex, literal);
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private static void flush(StringBuilder regex, StringBuilder literal) {
    if (!literal.isEmpty()) {
      regex.append(Pattern.quote(literal.toString()));
      literal.setLength(0);
    }
  }
}
