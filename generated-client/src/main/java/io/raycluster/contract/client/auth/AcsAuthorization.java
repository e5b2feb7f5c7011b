package io.raycluster.contract.client.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code Authorization} header of signature V3:
 * {@code ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<a;b;c>,Signature=<hex>}.
 * {@link #parse} reads one (for a verifying server); {@link #headerValue()} writes one.
 * {@link #toString()} masks the signature and most of the key id.
 */
public final class AcsAuthorization {
  private final String accessKeyId;
  private final List<String> signedHeaders;
  private final String signature;

  public AcsAuthorization(String accessKeyId, List<String> signedHeaders, String signature) {
    this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId");
    this.signedHeaders = List.copyOf(signedHeaders);
    this.signature = Objects.requireNonNull(signature, "signature");
  }

  /**
   * Parses a received header value.
   *
   * @throws IllegalArgumentException naming what is wrong: another algorithm, a missing or
   *     repeated part, an empty value
   */
  public static AcsAuthorization parse(String headerValue) {
    if (headerValue == null || headerValue.isBlank()) {
      throw new IllegalArgumentException("Authorization header is missing or empty");
    }
    String value = headerValue.trim();
    String prefix = AcsSignatures.ALGORITHM + " ";
    if (!value.startsWith(prefix)) {
      int space = value.indexOf(' ');
      String scheme = space < 0 ? value : value.substring(0, space);
      throw new IllegalArgumentException(
          "Authorization must start with \"" + AcsSignatures.ALGORITHM + " \", got scheme \""
              + (scheme.length() > 40 ? scheme.substring(0, 40) + "…" : scheme) + "\"");
    }
    Map<String, String> parts = new LinkedHashMap<>();
    for (String part : value.substring(prefix.length()).split(",")) {
      String p = part.trim();
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "Authorization part \"" + abbreviate(p) + "\" is not name=value");
      }
      String name = p.substring(0, eq).trim();
      if (parts.put(name, p.substring(eq + 1).trim()) != null) {
        throw new IllegalArgumentException("Authorization repeats " + name);
      }
    }
    String credential = required(parts, "Credential");
    String signed = required(parts, "SignedHeaders");
    String signature = required(parts, "Signature");
    List<String> names = new ArrayList<>();
    for (String n : signed.split(";")) {
      if (n.isEmpty()) {
        throw new IllegalArgumentException("Authorization SignedHeaders has an empty name: " + signed);
      }
      names.add(n);
    }
    return new AcsAuthorization(credential, names, signature);
  }

  private static String required(Map<String, String> parts, String name) {
    String v = parts.get(name);
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException("Authorization has no " + name + "=... part; expected "
          + AcsSignatures.ALGORITHM + " Credential=<AccessKeyId>,SignedHeaders=<names>,Signature=<hex>");
    }
    return v;
  }

  private static String abbreviate(String s) {
    return s.length() > 20 ? s.substring(0, 20) + "…" : s;
  }

  /** The AccessKey id named by {@code Credential=}. */
  public String accessKeyId() {
    return accessKeyId;
  }

  /** The names listed in {@code SignedHeaders=}, in the order given. */
  public List<String> signedHeaders() {
    return signedHeaders;
  }

  /** The hex signature. */
  public String signature() {
    return signature;
  }

  /** The header value to send. */
  public String headerValue() {
    return AcsSignatures.ALGORITHM + " Credential=" + accessKeyId + ",SignedHeaders="
        + String.join(";", signedHeaders) + ",Signature=" + signature;
  }

  /** The header value with the signature hidden and the key id shortened, for logs. */
  @Override
  public String toString() {
    return AcsSignatures.ALGORITHM + " Credential=" + Redaction.keyId(accessKeyId)
        + ",SignedHeaders=" + String.join(";", signedHeaders) + ",Signature=***";
  }
}
