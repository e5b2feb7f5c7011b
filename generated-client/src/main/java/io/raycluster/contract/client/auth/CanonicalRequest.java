package io.raycluster.contract.client.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The canonical request of signature V3 (ACS3-HMAC-SHA256): six lines that both sides compute
 * from the same request, the client to sign it and a server to verify it.
 *
 * <pre>
 * METHOD
 * CanonicalURI            the encoded path as sent ("/" when empty)
 * CanonicalQueryString    names sorted, name=value RFC 3986 encoded, joined by "&amp;"
 * CanonicalHeaders        host, content-type and x-acs-* lower-cased, values trimmed, sorted,
 *                         "name:value\n" each; several values of one name sorted and joined by ","
 * SignedHeaders           those names joined by ";"
 * HashedPayload           lower-case hex SHA-256 of the body (x-acs-content-sha256)
 * </pre>
 *
 * <p>A verifying server builds it from what arrived on the wire: the method, the raw path
 * ({@link Builder#encodedPath}, not decoded), the raw query ({@link Builder#encodedQuery}), the
 * headers named by the {@code SignedHeaders} of the {@link AcsAuthorization} it received
 * ({@link Builder#onlySignedHeaders}) and the {@code x-acs-content-sha256} it checked against
 * the body; then it compares {@link #signature(String)} with the one received using
 * {@link AcsSignatures#constantTimeEquals}.
 *
 * <p>Instances are immutable.
 */
public final class CanonicalRequest {
  private final String method;
  private final String canonicalUri;
  private final String canonicalQuery;
  private final String canonicalHeaders;
  private final List<String> signedHeaders;
  private final String hashedPayload;
  private final String canonicalString;

  private CanonicalRequest(Builder b) {
    this.method = b.method;
    this.canonicalUri = b.encodedPath.isEmpty() ? "/" : b.encodedPath;
    this.canonicalQuery = canonicalQuery(b.query);
    TreeMap<String, List<String>> headers = new TreeMap<>();
    for (String[] h : b.headers) {
      String name = h[0].toLowerCase(Locale.ROOT);
      if (!isSignable(name)) {
        continue;
      }
      if (b.onlyNames != null && !b.onlyNames.contains(name)) {
        continue;
      }
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(h[1].trim());
    }
    if (b.onlyNames != null) {
      TreeSet<String> missing = new TreeSet<>(b.onlyNames);
      missing.removeAll(headers.keySet());
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(
            "SignedHeaders names headers the request does not carry: " + String.join(", ", missing));
      }
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      List<String> values = new ArrayList<>(e.getValue());
      values.sort(Comparator.naturalOrder());
      sb.append(e.getKey()).append(':').append(String.join(",", values)).append('\n');
    }
    this.canonicalHeaders = sb.toString();
    this.signedHeaders = List.copyOf(headers.keySet());
    this.hashedPayload = b.hashedPayload;
    this.canonicalString = method + '\n' + canonicalUri + '\n' + canonicalQuery + '\n'
        + canonicalHeaders + '\n' + signedHeadersString() + '\n' + hashedPayload;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether the signature covers a header of this (any-case) name: host, content-type, x-acs-*. */
  public static boolean isSignable(String headerName) {
    String n = headerName.toLowerCase(Locale.ROOT);
    return n.equals("host") || n.equals("content-type") || n.startsWith("x-acs-");
  }

  /** The six lines joined by {@code \n} (the last has no trailing newline). */
  public String canonicalString() {
    return canonicalString;
  }

  /** The canonical URI: the encoded path exactly as given, or {@code /}. */
  public String canonicalUri() {
    return canonicalUri;
  }

  public String canonicalQueryString() {
    return canonicalQuery;
  }

  /** The canonical header lines, each ending in {@code \n}. */
  public String canonicalHeaders() {
    return canonicalHeaders;
  }

  /** The signed header names, lower-case and sorted. */
  public List<String> signedHeaders() {
    return signedHeaders;
  }

  /** The signed header names joined by {@code ;}. */
  public String signedHeadersString() {
    return String.join(";", signedHeaders);
  }

  public String hashedPayload() {
    return hashedPayload;
  }

  /** Lower-case hex SHA-256 of {@link #canonicalString()}. */
  public String hashHex() {
    return AcsSignatures.sha256Hex(canonicalString.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code ACS3-HMAC-SHA256\n} followed by {@link #hashHex()}. */
  public String stringToSign() {
    return AcsSignatures.ALGORITHM + '\n' + hashHex();
  }

  /** Lower-case hex HMAC-SHA256 of {@link #stringToSign()} keyed with the AccessKey secret. */
  public String signature(String accessKeySecret) {
    Objects.requireNonNull(accessKeySecret, "accessKeySecret");
    return AcsSignatures.hmacSha256Hex(accessKeySecret, stringToSign());
  }

  /** The {@code Authorization} header that signs this request. */
  public AcsAuthorization authorization(String accessKeyId, String accessKeySecret) {
    return new AcsAuthorization(accessKeyId, signedHeaders, signature(accessKeySecret));
  }

  @Override
  public String toString() {
    return canonicalString;
  }

  /**
   * The canonical form of a raw query string ({@code b=x+y&a=1}, without {@code ?}): every name
   * and value decoded and encoded again the way the signature spells them, sorted. Two queries
   * with the same parameters have the same canonical form whatever their order and encoding.
   *
   * @throws IllegalArgumentException when a name or value is not valid percent-encoding
   */
  public static String canonicalQuery(String rawQuery) {
    return canonicalQuery(decodedQuery(rawQuery));
  }

  /** Each {@code name=value} pair of a raw query, percent-decoded ({@code +} kept as is). */
  private static List<String[]> decodedQuery(String rawQuery) {
    List<String[]> pairs = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return pairs;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      pairs.add(new String[] {AcsEncoding.decode(name), AcsEncoding.decode(value)});
    }
    return pairs;
  }

  private static String canonicalQuery(List<String[]> query) {
    List<String[]> encoded = new ArrayList<>(query.size());
    for (String[] p : query) {
      encoded.add(new String[] {AcsEncoding.encode(p[0]), AcsEncoding.encode(p[1])});
    }
    // Sorted by encoded name, then value, so repeated names have one stable order.
    encoded.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
    StringBuilder sb = new StringBuilder();
    for (String[] p : encoded) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(p[0]).append('=').append(p[1]);
    }
    return sb.toString();
  }

  /** Collects the parts of a canonical request. Method, path and payload hash are required. */
  public static final class Builder {
    private String method;
    private String encodedPath = "";
    private final List<String[]> query = new ArrayList<>();
    private final List<String[]> headers = new ArrayList<>();
    private String hashedPayload;
    private Set<String> onlyNames;

    private Builder() {}

    /** The HTTP method as sent ({@code GET}); an empty string is allowed (vector B). */
    public Builder method(String method) {
      this.method = Objects.requireNonNull(method, "method");
      return this;
    }

    /**
     * The path exactly as it appears on the wire, already percent-encoded; it is used as is
     * (a verifier must not decode it). Empty or {@code null} means {@code /}.
     */
    public Builder encodedPath(String encodedPath) {
      this.encodedPath = encodedPath == null ? "" : encodedPath;
      return this;
    }

    /** One query parameter, name and value decoded; {@code null} value is the same as empty. */
    public Builder addQueryParameter(String name, String value) {
      query.add(new String[] {Objects.requireNonNull(name, "name"), value == null ? "" : value});
      return this;
    }

    /**
     * Every parameter of a raw query string ({@code a=1&b=&c}, without {@code ?}): each name and
     * value is percent-decoded ({@code +} is kept as is) and added. {@code null} or empty adds none.
     */
    public Builder encodedQuery(String rawQuery) {
      query.addAll(decodedQuery(rawQuery));
      return this;
    }

    /**
     * One header value. Names are case-insensitive; call again with the same name for a second
     * value. Headers that are not signed (not host, content-type or x-acs-*) are ignored.
     */
    public Builder addHeader(String name, String value) {
      headers.add(new String[] {Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")});
      return this;
    }

    /**
     * For a verifier: use only the headers with these names (the received {@code SignedHeaders}),
     * and fail at {@link #build()} when one of them is absent.
     */
    public Builder onlySignedHeaders(Collection<String> names) {
      TreeSet<String> set = new TreeSet<>();
      for (String n : names) {
        set.add(n.toLowerCase(Locale.ROOT));
      }
      this.onlyNames = set;
      return this;
    }

    /** The lower-case hex SHA-256 of the body, as sent in {@code x-acs-content-sha256}. */
    public Builder hashedPayload(String hex) {
      this.hashedPayload = Objects.requireNonNull(hex, "hashedPayload");
      return this;
    }

    public CanonicalRequest build() {
      if (method == null) {
        throw new IllegalStateException("method is required");
      }
      if (hashedPayload == null) {
        throw new IllegalStateException("hashedPayload is required (for an empty body "
            + AcsSignatures.EMPTY_PAYLOAD_HASH + ")");
      }
      return new CanonicalRequest(this);
    }
  }
}
