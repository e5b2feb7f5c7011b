package io.raycluster.contract.client.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The primitives of ACS3-HMAC-SHA256: SHA-256, HMAC-SHA256, hex, constant-time comparison. */
public final class AcsSignatures {
  /** The algorithm name that starts the string to sign and the Authorization header. */
  public static final String ALGORITHM = "ACS3-HMAC-SHA256";
  /** Hex SHA-256 of an empty body. */
  public static final String EMPTY_PAYLOAD_HASH =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private AcsSignatures() {}

  /** Lower-case hex SHA-256 of {@code data}. */
  public static String sha256Hex(byte[] data) {
    try {
      return hex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Lower-case hex HMAC-SHA256 of {@code data} (UTF-8) keyed with {@code key} (UTF-8). */
  public static String hmacSha256Hex(String key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return hex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not usable in this JVM", e);
    }
  }

  /**
   * Compares two signatures in time that does not depend on where they differ, so a verifier
   * does not leak how many leading characters of a forged signature were right. {@code null}
   * equals nothing.
   */
  public static boolean constantTimeEquals(String expected, String actual) {
    if (expected == null || actual == null) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
