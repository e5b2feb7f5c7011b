package io.raycluster.contract.client.auth;

/** How secrets look in toString, logs and messages. */
public final class Redaction {
  private Redaction() {}

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
