package io.raycluster.contract.client.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Checks the ACS3-HMAC-SHA256 signature of a request as a server received it, the way the
 * vendor's gateway does, and answers with the vendor's error code when it fails. For a replay or
 * test server; it keeps no state, so rejecting a reused {@code x-acs-signature-nonce} is left to
 * the caller (see {@link Verification#nonce()}).
 *
 * <pre>{@code
 * AcsSignatureVerifier verifier = AcsSignatureVerifier.builder()
 *     .secrets(keyId -> keyId.equals("LTAI...") ? "secret" : null)
 *     .build();
 * Verification v = verifier.verify(method, rawPath, rawQuery, headers, body);
 * if (!v.ok()) { respond(v.httpStatus(), v.code(), v.message()); }
 * }</pre>
 */
public final class AcsSignatureVerifier {
  /** How far {@code x-acs-date} may be from the server's clock. */
  public static final Duration DEFAULT_MAX_SKEW = Duration.ofMinutes(15);

  private static final List<String> REQUIRED_SIGNED = List.of(
      "host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256");

  private final Function<String, String> secrets;
  private final Clock clock;
  private final Duration maxSkew;

  private AcsSignatureVerifier(Builder b) {
    this.secrets = Objects.requireNonNull(b.secrets, "secrets");
    this.clock = b.clock;
    this.maxSkew = b.maxSkew;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies one request.
   *
   * @param method the method as received
   * @param rawPath the path exactly as received (still percent-encoded)
   * @param rawQuery the query without {@code ?}, as received, or {@code null}
   * @param headers every header line received (name, value), repeated names included
   * @param body the body bytes (empty for none)
   */
  public Verification verify(String method, String rawPath, String rawQuery,
      List<Map.Entry<String, String>> headers, byte[] body) {
    String authorizationHeader = header(headers, "authorization");
    if (authorizationHeader == null) {
      return Verification.fail(400, "IncompleteSignature", "the request has no Authorization header", null);
    }
    AcsAuthorization auth;
    try {
      auth = AcsAuthorization.parse(authorizationHeader);
    } catch (IllegalArgumentException e) {
      return Verification.fail(400, "IncompleteSignature", e.getMessage(), null);
    }
    for (String name : REQUIRED_SIGNED) {
      if (!auth.signedHeaders().contains(name)) {
        return Verification.fail(400, "IncompleteSignature", "SignedHeaders does not include " + name, auth);
      }
    }
    String secret = secrets.apply(auth.accessKeyId());
    if (secret == null) {
      return Verification.fail(404, "InvalidAccessKeyId.NotFound",
          "unknown AccessKey id " + Redaction.keyId(auth.accessKeyId()), auth);
    }
    String date = header(headers, "x-acs-date");
    if (date != null) {
      try {
        Instant sent = Instant.parse(date);
        if (Duration.between(sent, clock.instant()).abs().compareTo(maxSkew) > 0) {
          return Verification.fail(400, "InvalidTimeStamp.Expired",
              "x-acs-date " + date + " is more than " + maxSkew.toMinutes() + " minutes from " + clock.instant(), auth);
        }
      } catch (DateTimeParseException e) {
        return Verification.fail(400, "InvalidTimeStamp.Format", "x-acs-date is not yyyy-MM-ddTHH:mm:ssZ: " + date, auth);
      }
    }
    String bodyHash = AcsSignatures.sha256Hex(body == null ? new byte[0] : body);
    String claimedHash = header(headers, "x-acs-content-sha256");
    if (!bodyHash.equals(claimedHash)) {
      return Verification.fail(400, "SignatureDoesNotMatch",
          "x-acs-content-sha256 is not the SHA-256 of the body", auth);
    }
    CanonicalRequest canonical;
    try {
      CanonicalRequest.Builder b = CanonicalRequest.builder()
          .method(method)
          .encodedPath(rawPath)
          .encodedQuery(rawQuery)
          .onlySignedHeaders(auth.signedHeaders())
          .hashedPayload(bodyHash);
      for (Map.Entry<String, String> h : headers) {
        b.addHeader(h.getKey(), h.getValue());
      }
      canonical = b.build();
    } catch (IllegalArgumentException e) {
      return Verification.fail(400, "IncompleteSignature", e.getMessage(), auth);
    }
    if (!canonical.signedHeaders().equals(sortedLower(auth.signedHeaders()))) {
      return Verification.fail(400, "IncompleteSignature",
          "SignedHeaders names a header that is not signable (only host, content-type, x-acs-*)", auth);
    }
    if (!AcsSignatures.constantTimeEquals(canonical.signature(secret), auth.signature())) {
      return Verification.fail(400, "SignatureDoesNotMatch",
          "the signature does not match; the canonical request the server computed has SHA-256 "
              + canonical.hashHex(), auth);
    }
    return new Verification(true, 200, null, null, auth, header(headers, "x-acs-signature-nonce"));
  }

  private static List<String> sortedLower(List<String> names) {
    return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct().sorted().toList();
  }

  private static String header(List<Map.Entry<String, String>> headers, String name) {
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return h.getValue().trim();
      }
    }
    return null;
  }

  /** The outcome: {@link #ok()} or the vendor error code, HTTP status and a message. */
  public static final class Verification {
    private final boolean ok;
    private final int httpStatus;
    private final String code;
    private final String message;
    private final AcsAuthorization authorization;
    private final String nonce;

    private Verification(boolean ok, int httpStatus, String code, String message, AcsAuthorization authorization,
        String nonce) {
      this.ok = ok;
      this.httpStatus = httpStatus;
      this.code = code;
      this.message = message;
      this.authorization = authorization;
      this.nonce = nonce;
    }

    static Verification fail(int status, String code, String message, AcsAuthorization auth) {
      return new Verification(false, status, code, message, auth, null);
    }

    public boolean ok() {
      return ok;
    }

    /** 200 when ok, else the status the vendor uses for {@link #code()}. */
    public int httpStatus() {
      return httpStatus;
    }

    /** The vendor error code ({@code SignatureDoesNotMatch}, ...), or {@code null} when ok. */
    public String code() {
      return code;
    }

    /** What failed (no secrets), or {@code null} when ok. */
    public String message() {
      return message;
    }

    /** The parsed Authorization header, or {@code null} when it was missing or malformed. */
    public AcsAuthorization authorization() {
      return authorization;
    }

    /** The nonce of a verified request, for the caller's replay check; {@code null} unless ok. */
    public String nonce() {
      return nonce;
    }

    @Override
    public String toString() {
      return ok ? "Verification{ok, " + authorization + "}" : "Verification{" + httpStatus + " " + code + ": " + message + "}";
    }
  }

  public static final class Builder {
    private Function<String, String> secrets;
    private Clock clock = Clock.systemUTC();
    private Duration maxSkew = DEFAULT_MAX_SKEW;

    private Builder() {}

    /** The AccessKey secret for a key id, or {@code null} for an unknown id. */
    public Builder secrets(Function<String, String> secrets) {
      this.secrets = Objects.requireNonNull(secrets, "secrets");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder maxSkew(Duration maxSkew) {
      this.maxSkew = Objects.requireNonNull(maxSkew, "maxSkew");
      return this;
    }

    public AcsSignatureVerifier build() {
      return new AcsSignatureVerifier(this);
    }
  }
}
