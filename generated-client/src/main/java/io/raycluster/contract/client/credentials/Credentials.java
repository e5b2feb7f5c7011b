package io.raycluster.contract.client.credentials;

import io.raycluster.contract.client.auth.Redaction;
import java.util.Objects;

/**
 * An AccessKey pair, with an STS security token when the pair is temporary, and where it was
 * found. {@link #toString()} never shows the secret or the token.
 */
public final class Credentials {
  private final String accessKeyId;
  private final String accessKeySecret;
  private final String securityToken;
  private final String source;

  private Credentials(String accessKeyId, String accessKeySecret, String securityToken, String source) {
    this.accessKeyId = requireText(accessKeyId, "accessKeyId");
    this.accessKeySecret = requireText(accessKeySecret, "accessKeySecret");
    this.securityToken = securityToken == null || securityToken.isEmpty() ? null : securityToken;
    this.source = source == null ? "static" : source;
  }

  /** A long-term AccessKey pair. */
  public static Credentials of(String accessKeyId, String accessKeySecret) {
    return new Credentials(accessKeyId, accessKeySecret, null, "static");
  }

  /** A temporary STS pair with its security token. */
  public static Credentials sts(String accessKeyId, String accessKeySecret, String securityToken) {
    return new Credentials(accessKeyId, accessKeySecret, requireText(securityToken, "securityToken"), "static");
  }

  static Credentials from(String id, String secret, String token, String source) {
    return new Credentials(id, secret, token, source);
  }

  public String accessKeyId() {
    return accessKeyId;
  }

  public String accessKeySecret() {
    return accessKeySecret;
  }

  /** The STS token, or {@code null} for a long-term key. */
  public String securityToken() {
    return securityToken;
  }

  public boolean isSts() {
    return securityToken != null;
  }

  /** Where the credentials came from, e.g. {@code environment} or {@code /home/u/.aliyun/config.json profile "default"}. */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return "Credentials{accessKeyId=" + Redaction.keyId(accessKeyId)
        + ", accessKeySecret=" + Redaction.secret(accessKeySecret)
        + (securityToken == null ? "" : ", securityToken=" + Redaction.secret(securityToken))
        + ", source=" + source + "}";
  }

  private static String requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return value;
  }
}
