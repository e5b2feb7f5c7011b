package io.raycluster.contract.client.auth;

import io.raycluster.contract.client.generated.ApiContract;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
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
 *
 * <p>Names are not enough when a server (or a proxy) echoes a credential in a message, a URL or a
 * header of its own: {@link #withSecretValues} adds the values themselves (the AccessKey id, the
 * secret and the STS token a client signed with), and {@link #maskText} then replaces every
 * occurrence of them too, as sent, percent-encoded or with JSON's {@code \/}. A client's
 * {@code RayClusterClient.redaction()} is such a Redaction, kept up to date as it signs.
 */
public final class Redaction {
  /**
   * Values shorter than this are not masked as values: they cannot be real credentials (the
   * vendor's AccessKey ids, secrets and STS tokens are far longer) and masking them would rewrite
   * ordinary words ({@code k} in every message of a test that signs with key {@code k}).
   */
  public static final int MIN_SECRET_VALUE_LENGTH = 4;

  private static final Supplier<Collection<String>> NO_VALUES = List::of;
  private static final Redaction CONTRACT = of(ApiContract.SECRET_PROPERTIES,
      ApiContract.SECRET_QUERY_PARAMETERS, ApiContract.SECRET_HEADERS);

  private final Set<String> properties;
  private final Set<String> queryParameters;
  private final Set<String> headers;
  /** A secret JSON string field in text that is not (whole) JSON: a snippet, a cut-off body. */
  private final Pattern secretJsonField;
  /** The value of a secret query parameter; the name may carry a prefix ({@code access_token=}). */
  private final Pattern secretQuery;
  /** Secret values masked wherever they occur (read at each use: a client adds as it signs). */
  private final Supplier<? extends Collection<String>> secretValues;

  /** {@code base}'s names and patterns, with other secret values. */
  private Redaction(Redaction base, Supplier<? extends Collection<String>> secretValues) {
    this.properties = base.properties;
    this.queryParameters = base.queryParameters;
    this.headers = base.headers;
    this.secretJsonField = base.secretJsonField;
    this.secretQuery = base.secretQuery;
    this.secretValues = secretValues;
  }

  private Redaction(Set<String> properties, Set<String> queryParameters, Set<String> headers) {
    this.secretValues = NO_VALUES;
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

  /**
   * This redaction, masking also every occurrence of {@code values} in text (values shorter than
   * {@link #MIN_SECRET_VALUE_LENGTH} and {@code null}s are ignored). A copy of the collection is
   * kept; the values this one already masks are kept too.
   */
  public Redaction withSecretValues(Collection<String> values) {
    List<String> copy = new ArrayList<>();
    for (String v : Objects.requireNonNull(values, "values")) {
      if (v != null) {
        copy.add(v);
      }
    }
    List<String> fixed = List.copyOf(copy);
    return withSecretValues(() -> fixed);
  }

  /**
   * This redaction, masking also every occurrence of the values {@code values} supplies, read
   * each time text is masked (a live set, such as the credentials a client has signed with). The
   * supplier must be thread-safe and cheap; the values this one already masks are kept too.
   */
  public Redaction withSecretValues(Supplier<? extends Collection<String>> values) {
    Objects.requireNonNull(values, "values");
    Supplier<? extends Collection<String>> mine = secretValues;
    if (mine == NO_VALUES) {
      return new Redaction(this, values);
    }
    return new Redaction(this, () -> {
      List<String> both = new ArrayList<>(mine.get());
      both.addAll(values.get());
      return both;
    });
  }

  /**
   * {@code text} with every occurrence of a secret value ({@link #withSecretValues}) replaced by
   * {@code replacement}: as it is, percent-encoded (upper- or lower-case hex) and with {@code /}
   * written {@code \/} as JSON may write it. Only the values; {@link #maskText} does both.
   */
  public String maskSecretValues(String text, String replacement) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    Collection<String> values = secretValues.get();
    if (values.isEmpty()) {
      return text;
    }
    Set<String> forms = new LinkedHashSet<>();
    for (String v : values) {
      if (v == null || v.length() < MIN_SECRET_VALUE_LENGTH) {
        continue;
      }
      forms.add(v);
      String encoded = AcsEncoding.encode(v);
      forms.add(encoded);
      forms.add(lowerCaseEscapes(encoded));
      forms.add(v.replace("/", "\\/"));
    }
    List<String> longestFirst = new ArrayList<>(forms);
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    String masked = text;
    for (String form : longestFirst) {
      if (masked.contains(form)) {
        masked = masked.replace(form, replacement);
      }
    }
    return masked;
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
   * {@code text} with every secret value ({@link #maskSecretValues}), the value of every secret
   * query parameter and every secret JSON field replaced by {@code replacement}; a JSON field
   * keeps its quotes, so the masked text stays as well-formed as it was.
   */
  public String maskText(String text, String replacement) {
    if (text == null) {
      return null;
    }
    String r = Matcher.quoteReplacement(replacement);
    String unvalued = maskSecretValues(text, replacement);
    String masked = secretJsonField == null ? unvalued
        : secretJsonField.matcher(unvalued).replaceAll("$1\"" + r + "\"");
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

  /** {@code %2F} as {@code %2f}: some encoders write lower-case hex. */
  private static String lowerCaseEscapes(String encoded) {
    StringBuilder sb = new StringBuilder(encoded);
    for (int i = 0; i + 2 < sb.length(); i++) {
      if (sb.charAt(i) == '%') {
        sb.setCharAt(i + 1, Character.toLowerCase(sb.charAt(i + 1)));
        sb.setCharAt(i + 2, Character.toLowerCase(sb.charAt(i + 2)));
        i += 2;
      }
    }
    return sb.toString();
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
