package io.raycluster.contract.client;

import java.util.Set;
import okhttp3.Headers;

/**
 * The gateway did not accept who signed the call or how: an unknown or disabled AccessKey, a
 * signature that does not match, an expired timestamp, a reused nonce, a bad STS token. Retrying
 * the same request does not help.
 */
public class AuthenticationException extends VendorErrorException {
  private static final long serialVersionUID = 1L;

  private static final Set<String> CODES = Set.of(
      "SignatureDoesNotMatch",
      "IncompleteSignature",
      "SignatureNonceUsed",
      "MissingSecurityToken",
      "InvalidSecurityToken");

  private static final Set<String> PREFIXES = Set.of(
      "InvalidAccessKeyId.",
      "InvalidTimeStamp.",
      "InvalidSecurityToken.",
      "InvalidAccessKeySecret");

  AuthenticationException(int httpStatus, VendorErrorBody body, Headers headers) {
    super(httpStatus, body, headers);
  }

  static boolean isAuthenticationCode(String code) {
    if (CODES.contains(code) || code.equals("InvalidAccessKeyId")) {
      return true;
    }
    for (String prefix : PREFIXES) {
      if (code.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
