package io.raycluster.contract.client.auth;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How secrets look in toString, logs, messages and recordings. */
public final class Redaction {
  /** The value of any {@code ...token=} query parameter (the dashboard URL carries one). */
  private static final Pattern TOKEN_QUERY = Pattern.compile("(?i)(token=)[^&#\"\\s]*");
  /**
   * A secret JSON string field in text that is not (whole) JSON: a snippet, a cut-off body. The
   * value may end before its closing quote, or be a bare token.
   */
  private static final Pattern SECRET_JSON_FIELD = Pattern.compile(
      "(\"(?:submitToken|securityToken|SecurityToken|accessKeySecret|AccessKeySecret)\"\\s*:\\s*)"
          + "(?:\"[^\"]*\"?|[^,}\\s]+)");

  private Redaction() {}

  /**
   * {@code text} with every {@code token=} query value and every secret JSON field value
   * ({@code submitToken}, security tokens, AccessKey secrets) replaced by {@code replacement}; a
   * JSON field keeps its quotes, so the masked text stays as well-formed as it was.
   */
  public static String maskText(String text, String replacement) {
    if (text == null) {
      return null;
    }
    String r = Matcher.quoteReplacement(replacement);
    String masked = SECRET_JSON_FIELD.matcher(text).replaceAll("$1\"" + r + "\"");
    return TOKEN_QUERY.matcher(masked).replaceAll("$1" + r);
  }

  /** An AccessKey id shortened to its first 4 characters ({@code LTAI****}): enough to tell keys apart. */
  public static String keyId(String accessKeyId) {
    if (accessKeyId == null) {
      return "null";
    }
    return accessKeyId.length() <= 8 ? "****" : accessKeyId.substring(0, 4) + "****";
  }

  /** A secret or token: never shown, only whether it is set. */
  public static String secret(String value) {
    return value == null ? "null" : value.isEmpty() ? "\"\"" : "***";
  }

  /** An Authorization header value with the signature and most of the key id hidden. */
  public static String authorization(String headerValue) {
    if (headerValue == null) {
      return "null";
    }
    try {
      return AcsAuthorization.parse(headerValue).toString();
    } catch (IllegalArgumentException e) {
      return "***";
    }
  }
}
