package io.computecase.local.report;

/**
 * Escapes text for HTML element content and quoted attribute values, so names and causes show as
 * written.
 */
final class HtmlText {
  private HtmlText() {}

  /** The text with {@code & < > " '} replaced by entities; null becomes the empty string. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          // Control characters other than tab and newlines are not allowed in HTML text.
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
