package io.raycluster.contract.conformance.replay.soak;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs GET requests with ACS3-HMAC-SHA256, a second signer written apart from the client's (the
 * soak run and the benchmark drive any replay server with it). Each call takes the current date
 * and a fresh nonce. Thread-safe.
 */
final class SignedGets {
  private static final String SIGNED_HEADERS =
      "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version";
  private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String host;
  private final String key;
  private final String secret;
  private final String action;
  private final String version;

  /** {@code host} is the Host header's value ({@code 127.0.0.1:8080}). */
  SignedGets(String host, String key, String secret, String action, String version) {
    this.host = host;
    this.key = key;
    this.secret = secret;
    this.action = action;
    this.version = version;
  }

  /** The x-acs headers, Host and Authorization of a GET of {@code path}, signed now with a fresh nonce. */
  Map<String, String> headers(String path) {
    Map<String, String> h = new java.util.TreeMap<>();
    h.put("host", host);
    h.put("x-acs-action", action);
    h.put("x-acs-version", version);
    h.put("x-acs-date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    h.put("x-acs-signature-nonce", HexFormat.of().formatHex(nonce));
    h.put("x-acs-content-sha256", EMPTY_SHA256);
    StringBuilder canonical = new StringBuilder("GET\n").append(path).append("\n\n");
    h.forEach((k, v) -> canonical.append(k).append(':').append(v.trim()).append('\n'));
    canonical.append('\n').append(SIGNED_HEADERS).append('\n').append(EMPTY_SHA256);
    String toSign = "ACS3-HMAC-SHA256\n" + sha256Hex(canonical.toString());
    Map<String, String> out = new LinkedHashMap<>(h);
    out.put("authorization", "ACS3-HMAC-SHA256 Credential=" + key + ",SignedHeaders=" + SIGNED_HEADERS
        + ",Signature=" + hmacHex(toSign));
    return out;
  }

  /** A whole HTTP/1.1 GET of {@code path}, signed now (request line, headers, blank line). */
  String raw(String path) {
    StringBuilder r = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\n");
    headers(path).forEach((k, v) -> r.append(k).append(": ").append(v).append("\r\n"));
    return r.append("\r\n").toString();
  }

  private static String sha256Hex(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String hmacHex(String s) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
