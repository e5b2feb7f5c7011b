package io.raycluster.contract.client;

import java.nio.charset.StandardCharsets;
import io.raycluster.contract.client.auth.Redaction;

/**
 * The start of a response body, fit for an exception message: cut to a few hundred characters,
 * control characters escaped, and secrets masked by the client's {@link Redaction}: the values
 * the spec marks secret ({@code submitToken}, the dashboard's {@code token=}) and the credential
 * values the client signed with (an AccessKey id or STS token the server echoed).
 */
final class Snippets {
  static final int MAX_CHARS = 300;
  /**
   * How much of a body is decoded and masked before it is cut to {@link #MAX_CHARS}: enough that
   * a secret value starting in the part shown (an STS token is over 1,000 characters,
   * percent-encoded three times that) lies wholly inside and is masked, never cut in two.
   */
  static final int MASK_WINDOW_BYTES = 64 * 1024;

  private Snippets() {}

  /** The start of {@code body} with what {@code redaction} says is secret masked. */
  static String of(byte[] body, Redaction redaction) {
    int n = Math.min(body.length, MASK_WINDOW_BYTES);
    return cut(new String(body, 0, n, StandardCharsets.UTF_8), body.length > n, redaction);
  }

  /** A text from the server (a header value), fit for a message like a body's start. */
  static String of(String text, Redaction redaction) {
    return cut(text, false, redaction);
  }

  private static String cut(String raw, boolean alreadyCut, Redaction redaction) {
    String text = redaction.maskText(raw, "***");
    boolean cut = alreadyCut || text.length() > MAX_CHARS;
    if (text.length() > MAX_CHARS) {
      text = text.substring(0, MAX_CHARS);
    }
    String shown = PrintableText.escape(text);
    return cut ? shown + '…' : shown;
  }

  /**
   * A parser's message without the input it quotes ({@code Unrecognized token 'xyz'}): the body
   * may be a secret's value, and the snippet (masked) already shows where the body goes wrong.
   */
  static String parserMessage(String message, Redaction redaction) {
    if (message == null) {
      return "";
    }
    String firstLine = message.lines().findFirst().orElse("");
    return redaction.maskText(firstLine.replaceAll("'[^']*'", "'…'"), "***");
  }
}
