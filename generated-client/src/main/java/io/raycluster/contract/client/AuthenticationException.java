package io.raycluster.contract.client;

import okhttp3.Headers;

/**
 * The gateway did not accept who signed the call or how: an unknown or disabled AccessKey, a
 * signature that does not match, an expired timestamp, a reused nonce, a bad STS token (the
 * spec's {@code x-error-codes}). Retrying the same request does not help.
 */
public class AuthenticationException extends VendorErrorException {
  private static final long serialVersionUID = 1L;

  AuthenticationException(int httpStatus, VendorErrorBody body, Headers headers) {
    super(httpStatus, body, headers);
  }
}
