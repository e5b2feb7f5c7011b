package io.raycluster.contract.client.auth;

import io.raycluster.contract.client.generated.ApiContract;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How secrets are hidden in toString, logs, messages and recordings. What is secret comes from
 * the spec, never from a list in code: properties marked {@code x-sensitive: true} (the whole
 * value), query parameters named in {@code x-sensitive: {queryParameters: [...]}} (their values,
 * in any URL or text), and the security scheme's {@code x-sensitive-headers}.
 * {@link #contract()} is the client's spec, from constants generated at build time; the
 * conformance tools build one with {@link #of} from the spec they were given.
 *
 * <p>Names are matched without regard to case: the vendor writes some fields in two casings.
 */
public final class Redaction {
  private static final Redaction CONTRACT = of(ApiContract.SECRET_PROPERTIES,
      ApiContract.SECRET_QUERY_PARAMETERS, ApiContract.SECRET_HEADERS);

  private final Set<String> properties;
  private final Set<String> queryParameters;
  private final Set<String> headers;
  /** A secret JSON string field in text that is not (whole) JSON: a snippet, a cut-off body. */
  private final Pattern secretJsonField;
  /** The value of a secret query parameter; the name may carry a prefix ({@code access_token=}). */
  private final Pattern secretQuery;

  private Redaction(Set<String> properties, Set<String> queryParameters, Set<String> headers) {
    this.properties = lowerCase(properties);
    this.queryParameters = lowerCase(queryParameters);
    this.headers = lowerCase(headers);
    // A secret field's value in JSON text: a string (escaped quotes included, maybe cut off), an
    // array or object (up to its first closing bracket), or a bare token. The name may be written
    // with \\u escapes, in any letter case.
    this.secretJsonField = properties.isEmpty() ? null : Pattern.compile(
        "(?i)(\"(?:" + alternatives(properties) + ")\"\\s*:\\s*)"
            + "(?:\"(?:[^\"\\\\]|\\\\.)*\"?|\\[[^\\]]*\\]?|\\{[^}]*\\}?|[^,}\\s]+)");
    // A secret query value: after name=, or name%3D / name\\u003d when the text is encoded.
    this.secretQuery = queryParameters.isEmpty() ? null : Pattern.compile(
        "(?i)((?:" + alternatives(queryParameters) + ")(?:=|%3D|\\\\u003d))[^&#\"\\s\\\\]*");
  }

  /** What the client's spec marks secret. */
  public static Redaction contract() {
    return CONTRACT;
  }

  /** What another spec marks secret (property names, query parameter names, header names). */
  public static Redaction of(Collection<String> secretProperties, Collection<String> secretQueryParameters,
      Collection<String> secretHeaders) {
    return new Redaction(Set.copyOf(secretProperties), Set.copyOf(secretQueryParameters),
        Set.copyOf(secretHeaders));
  }

  /** Whether a property (or parameter) holds a secret as a whole. */
  public boolean isSecretProperty(String name) {
    return name != null && properties.contains(name.toLowerCase(Locale.ROOT));
  }

  /** Whether a header carries a credential. */
  public boolean isSecretHeader(String name) {
    return name != null && headers.contains(name.toLowerCase(Locale.ROOT));
  }

  /** The secret property names, lower case. */
  public Set<String> secretProperties() {
    return properties;
  }

  /** The secret query parameter names, lower case. */
  public Set<String> secretQueryParameters() {
    return queryParameters;
  }

  /** The secret header names, lower case. */
  public Set<String> secretHeaders() {
    return headers;
  }

  /**
   * {@code text} with the value of every secret query parameter and every secret JSON field
   * replaced by {@code replacement}; a JSON field keeps its quotes, so the masked text stays as
   * well-formed as it was.
   */
  public String maskText(String text, String replacement) {
    if (text == null) {
      return null;
    }
    String r = Matcher.quoteReplacement(replacement);
    String masked = secretJsonField == null ? text
        : secretJsonField.matcher(text).replaceAll("$1\"" + r + "\"");
    return secretQuery == null ? masked : secretQuery.matcher(masked).replaceAll("$1" + r);
  }

  /**
   * A property's value as it may be shown: {@code replacement} for a secret property (when it has
   * a value), else its text with secret query parameters masked; {@code null} stays {@code null}.
   */
  public String maskValue(String propertyName, Object value, String replacement) {
    if (value == null) {
      return null;
    }
    return isSecretProperty(propertyName) ? replacement : maskText(String.valueOf(value), replacement);
  }

  /**
   * What a generated model's {@code toString} prints for a property (the generator's template
   * calls it for every property): masked as {@link #maskValue} says, with the client's spec.
   */
  public static String forToString(String propertyName, Object value) {
    return CONTRACT.maskValue(propertyName, value, "***");
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

  private static Set<String> lowerCase(Set<String> names) {
    return Set.copyOf(names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
  }

  private static String alternatives(Set<String> names) {
    // Longest first, so that one name being the end of another does not cut a match short.
    return names.stream()
        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
        .map(Redaction::literalOrEscaped)
        .collect(Collectors.joining("|"));
  }

  /** A name as text may write it: each character itself or as a JSON escape (s or \\u0073). */
  private static String literalOrEscaped(String name) {
    StringBuilder sb = new StringBuilder();
    for (char c : name.toCharArray()) {
      sb.append("(?:").append(Pattern.quote(String.valueOf(c)))
          .append("|\\\\u").append(String.format("%04x", (int) c)).append(')');
    }
    return sb.toString();
  }
}
