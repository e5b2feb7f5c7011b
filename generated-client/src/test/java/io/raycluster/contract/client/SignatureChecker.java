package io.raycluster.contract.client;

import io.raycluster.contract.client.auth.AcsAuthorization;
import io.raycluster.contract.client.auth.AcsSignatures;
import io.raycluster.contract.client.auth.CanonicalRequest;
import okhttp3.Headers;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * What a verifying server does with a request that arrived: parse Authorization, rebuild the
 * canonical request from the wire (raw path, raw query, the signed headers, the body's hash) and
 * compare signatures in constant time. Tests use it to prove that what the client sent verifies.
 */
final class SignatureChecker {
  private SignatureChecker() {}

  /** Returns null when the signature verifies, else what is wrong. */
  static String problem(RecordedRequest request, String secret) {
    AcsAuthorization auth = AcsAuthorization.parse(request.getHeader("Authorization"));
    String target = request.getPath();
    int q = target.indexOf('?');
    String bodyHash = AcsSignatures.sha256Hex(request.getBody().readByteArray());
    if (!bodyHash.equals(request.getHeader("x-acs-content-sha256"))) {
      return "x-acs-content-sha256 does not match the body";
    }
    CanonicalRequest.Builder b = CanonicalRequest.builder()
        .method(request.getMethod())
        .encodedPath(q < 0 ? target : target.substring(0, q))
        .encodedQuery(q < 0 ? null : target.substring(q + 1))
        .onlySignedHeaders(auth.signedHeaders())
        .hashedPayload(bodyHash);
    Headers headers = request.getHeaders();
    for (int i = 0; i < headers.size(); i++) {
      b.addHeader(headers.name(i), headers.value(i));
    }
    String expected = b.build().signature(secret);
    return AcsSignatures.constantTimeEquals(expected, auth.signature()) ? null
        : "signature mismatch; canonical request was:\n" + b.build().canonicalString();
  }
}
