package io.raycluster.contract.conformance.report;

import io.raycluster.contract.client.PrintableText;

/**
 * Text made safe for a cell of a GitHub-flavoured Markdown table (a job summary, an issue):
 * control characters shown as escapes ({@link PrintableText}), and every character that could
 * start Markdown or HTML (a tag, a link, emphasis, code, a table cell, a mention) written as a
 * character reference, which Markdown shows as the character itself.
 */
public final class MarkdownText {
  private static final String SPECIAL = "&<>\"'|\\`*_[]~@#!";

  private MarkdownText() {}

  /** {@code text} shown as written, never as Markdown or HTML. */
  public static String escape(String text) {
    String printable = PrintableText.escape(text == null ? "" : text);
    StringBuilder b = new StringBuilder(printable.length() + 16);
    for (int i = 0; i < printable.length(); i++) {
      char c = printable.charAt(i);
      if (SPECIAL.indexOf(c) >= 0) {
        b.append("&#").append((int) c).append(';');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** {@code text} as inline code ({@code <code>}, so that no character of it ends the span). */
  public static String code(String text) {
    return "<code>" + escape(text) + "</code>";
  }
}
