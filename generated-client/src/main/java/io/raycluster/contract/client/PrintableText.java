package io.raycluster.contract.client;

/**
 * Text from outside (a server's error message, a property name in a recording, a page's row) made
 * safe to print on one line of a terminal or a log: line breaks, other control characters (C0,
 * DEL, C1, so no escape sequence reaches the terminal) and the characters that reorder text
 * (bidirectional overrides and isolates) are shown as escapes ({@code \n}, {@code \u001b}), so
 * that such text can neither forge an output line nor rewrite what is on the screen.
 */
public final class PrintableText {
  private PrintableText() {}

  /** {@code text} with every non-printing character escaped; {@code null} stays {@code null}. */
  public static String escape(String text) {
    if (text == null) {
      return null;
    }
    int i = 0;
    while (i < text.length() && printable(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text; // the usual case: nothing to escape, nothing copied
    }
    StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (printable(c)) {
        sb.append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else {
        sb.append(String.format("\\u%04x", (int) c));
      }
    }
    return sb.toString();
  }

  private static boolean printable(char c) {
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
      return false;
    }
    // Bidirectional embeddings, overrides and isolates (Trojan Source), and the line and
    // paragraph separators some terminals break lines on.
    return !(c >= 0x202a && c <= 0x202e) && !(c >= 0x2066 && c <= 0x2069)
        && c != 0x2028 && c != 0x2029;
  }
}
