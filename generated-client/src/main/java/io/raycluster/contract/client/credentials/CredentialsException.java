package io.raycluster.contract.client.credentials;

/**
 * No usable credentials: none found, or a source that is set up in a way this client cannot
 * use (a profile mode that needs a network call, a half-set pair of variables, a malformed file).
 * Messages name the source and never contain a secret or token.
 */
public class CredentialsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CredentialsException(String message) {
    super(message);
  }

  public CredentialsException(String message, Throwable cause) {
    super(message, cause);
  }
}
