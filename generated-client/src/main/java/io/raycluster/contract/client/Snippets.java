package io.raycluster.contract.client;

import java.nio.charset.StandardCharsets;
import io.raycluster.contract.client.auth.Redaction;

/**
 * The start of a response body, fit for an exception message: cut to a few hundred characters,
 * control characters escaped, and the values the service treats as secrets masked
 * ({@code submitToken}, the dashboard's {@code token=}, security tokens).
 */
final class Snippets {
  static final int MAX_CHARS = 300;

  private Snippets() {}

  static String of(byte[] body) {
    int n = Math.min(body.length, MAX_CHARS * 4);
    return cut(new String(body, 0, n, StandardCharsets.UTF_8), body.length > n);
  }

  /** A text from the server (a header value), fit for a message as {@link #of(byte[])} says. */
  static String of(String text) {
    return cut(text, false);
  }

  private static String cut(String raw, boolean alreadyCut) {
    String text = mask(raw);
    boolean cut = alreadyCut || text.length() > MAX_CHARS;
    if (text.length() > MAX_CHARS) {
      text = text.substring(0, MAX_CHARS);
    }
    StringBuilder sb = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c < 0x20 || c == 0x7f) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return cut ? sb.append('…').toString() : sb.toString();
  }

  /**
   * A parser's message without the input it quotes ({@code Unrecognized token 'xyz'}): the body
   * may be a secret's value, and the snippet (masked) already shows where the body goes wrong.
   */
  static String parserMessage(String message) {
    if (message == null) {
      return "";
    }
    String firstLine = message.lines().findFirst().orElse("");
    return mask(firstLine.replaceAll("'[^']*'", "'…'"));
  }

  static String mask(String text) {
    return Redaction.contract().maskText(text, "***");
  }
}
