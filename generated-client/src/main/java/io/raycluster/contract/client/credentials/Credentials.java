package io.raycluster.contract.client.credentials;

import io.raycluster.contract.client.auth.Redaction;
import java.util.Objects;

/**
 * An AccessKey pair, with an STS security token when the pair is temporary, and where it was
 * found. {@link #toString()} never shows the secret or the token.
 *
 * <p>Every value is checked when the credentials are made, whichever provider makes them: it
 * must be visible ASCII ({@code !} to {@code ~}), the only characters that can be signed and
 * sent in an HTTP header. A pasted no-break space, a line break, a tab or an accented letter is a
 * {@link CredentialsException} that names the credential and the position, never the value, so
 * no header is ever built from it (OkHttp's own refusal would quote the value).
 */
public final class Credentials {
  private final String accessKeyId;
  private final String accessKeySecret;
  private final String securityToken;
  private final String source;

  private Credentials(String accessKeyId, String accessKeySecret, String securityToken, String source) {
    this.source = source == null ? "static" : source;
    this.accessKeyId = requireSendable(requireText(accessKeyId, "accessKeyId"), "the AccessKey id", this.source);
    this.accessKeySecret = requireSendable(requireText(accessKeySecret, "accessKeySecret"), "the AccessKey secret",
        this.source);
    this.securityToken = securityToken == null || securityToken.isEmpty() ? null
        : requireSendable(securityToken, "the STS token", this.source);
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

  /**
   * {@code value} when every character is visible ASCII; else a {@link CredentialsException}
   * naming {@code what} and the position (counted from 1), never the value.
   */
  private static String requireSendable(String value, String what, String source) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new CredentialsException(what + " (" + ("static".equals(source) ? "given in code" : "from " + source)
            + ") contains an invalid character at position " + (i + 1) + " (counting from 1): only visible ASCII "
            + "characters (! to ~) can be signed and sent in an HTTP header. Look for a space, a line break, a "
            + "no-break space or a non-ASCII letter copied with the value.");
      }
    }
    return value;
  }

  private static String requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return value;
  }
}
