package io.raycluster.contract.conformance.replay;

/**
 * Makes request data safe for the one-line-per-request log: control characters (ESC, BEL, CR,
 * LF, NUL, DEL, the C1 range, line separators) are written as escapes such as {@code \x1b}, so a
 * request cannot move the cursor, retitle a terminal or forge a second line; long values are cut
 * with a marker, so one request cannot write a megabyte of log.
 */
final class LogLine {
  /** The most characters of a path (or query) the log keeps. */
  static final int MAX_PATH = 200;
  /** The most characters of a method the log keeps (the longest real one is 7). */
  static final int MAX_METHOD = 24;

  private LogLine() {}

  /** {@code value} with control characters escaped, cut after {@code max} characters with a marker; "-" for null. */
  static String safe(String value, int max) {
    if (value == null || value.isEmpty()) {
      return "-";
    }
    int keep = Math.min(value.length(), max);
    StringBuilder out = new StringBuilder(keep + 32);
    for (int i = 0; i < keep; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\x%02x", (int) c));
      } else if ((c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)
          && !(Character.isHighSurrogate(c) && i + 1 < keep && Character.isLowSurrogate(value.charAt(i + 1)))
          && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1)))) {
        // C1 controls, line separators and lone surrogates: visible, never interpreted.
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (value.length() > max) {
      out.append("...[").append(value.length() - max).append(" more chars]");
    }
    return out.toString();
  }
}
