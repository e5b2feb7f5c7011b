package io.raycluster.contract.conformance.replay;

import io.raycluster.contract.spec.SpecOperation;
import io.raycluster.contract.client.auth.AcsAuthorization;
import io.raycluster.contract.client.auth.AcsSignatureVerifier;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a request as the vendor's gateway checks a signature V3 request, and says why it
 * refuses one (status and vendor code). The signature itself is checked by the client's
 * {@link AcsSignatureVerifier}, which rebuilds the canonical request from the raw path, raw query
 * and the headers named in {@code SignedHeaders} with the same {@code CanonicalRequest} the
 * signer uses, so any correct ACS3 signer is accepted. Around it, this class adds what needs the
 * server's state and the spec, in this order:
 *
 * <ol>
 *   <li>{@code Authorization}, {@code host}, {@code x-acs-date} or another header the gateway reads
 *       once sent more than once: 400 {@code IncompleteSignature} (which of the values was meant
 *       is ambiguous, and the signature covers them joined by commas);
 *   <li>no {@code Authorization}, or a malformed one: 400 {@code IncompleteSignature};
 *   <li>a required {@code host} or {@code x-acs-*} header absent: 400 {@code MissingParameter};
 *   <li>a nonce that is not one value of 1 to 128 visible ASCII characters without a comma: 400
 *       {@code InvalidSignatureNonce}. The signature covers all values of the header joined by
 *       commas, so a comma in one value, or several values, would let one signed request pass
 *       with several different "first" nonces; an empty nonce is no nonce;
 *   <li>then the stateless checks: unsigned required header (400 {@code IncompleteSignature}),
 *       unknown AccessKey id (404 {@code InvalidAccessKeyId.NotFound}), date unreadable or more
 *       than 15 minutes off (400 {@code InvalidTimeStamp.Format} / {@code .Expired}), body hash
 *       or signature wrong (400 {@code SignatureDoesNotMatch});
 *   <li>a security token sent but not signed: 400 {@code IncompleteSignature};
 *   <li>a nonce already used within the window: 400 {@code SignatureNonceUsed} (recorded only
 *       once the signature holds, so unsigned traffic cannot burn nonces);
 *   <li>an {@code x-acs-action} other than the operation's: 404 {@code InvalidAction.NotFound};
 *       another {@code x-acs-version}: 400 {@code InvalidVersion}.
 * </ol>
 *
 * STS security tokens are accepted as sent: nothing here can check them.
 */
final class RequestVerifier {
  static final List<String> REQUIRED_HEADERS = List.of(
      "host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce",
      "x-acs-content-sha256");
  /** Headers the gateway reads one value of: a request that repeats one is refused. */
  static final List<String> SINGLE_HEADERS = List.of(
      "authorization", "host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-content-sha256",
      "x-acs-security-token");
  static final String NONCE = "x-acs-signature-nonce";
  /** The longest nonce accepted; the vendor's SDKs send 32 hex digits, UUIDs are 36 characters. */
  static final int MAX_NONCE_LENGTH = 128;

  private final AcsSignatureVerifier signatures;
  private final NonceCache nonces;
  private final Clock clock;

  RequestVerifier(Map<String, String> secrets, Clock clock, NonceCache nonces, Duration window) {
    this.signatures = AcsSignatureVerifier.builder()
        .secrets(secrets::get).clock(clock).maxSkew(window).build();
    this.nonces = nonces;
    this.clock = clock;
  }

  /** {@code null} when the request is signed correctly as a call of {@code operation}; else why not. */
  Rejection verify(WireRequest request, SpecOperation operation) {
    for (String name : SINGLE_HEADERS) {
      List<String> values = request.headers().get(name);
      if (values != null && values.size() > 1) {
        return new Rejection(400, "IncompleteSignature", "The header " + name + " is sent " + values.size()
            + " times; send it once.");
      }
    }
    if (request.header("authorization") != null && parses(request.header("authorization"))) {
      for (String name : REQUIRED_HEADERS) {
        if (request.header(name) == null) {
          return new Rejection(400, "MissingParameter", "The required header " + name + " is missing.");
        }
      }
      Rejection nonce = checkNonce(request.headers().get(NONCE));
      if (nonce != null) {
        return nonce;
      }
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    request.headers().forEach((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
    AcsSignatureVerifier.Verification v = signatures.verify(
        request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
    if (!v.ok()) {
      return new Rejection(v.httpStatus(), v.code(), v.message());
    }
    if (request.header("x-acs-security-token") != null
        && v.authorization().signedHeaders().stream().noneMatch("x-acs-security-token"::equalsIgnoreCase)) {
      return new Rejection(400, "IncompleteSignature",
          "SignedHeaders must include x-acs-security-token when the request carries one.");
    }

    // The one value, trimmed as the canonical request trims it: exactly what was signed.
    switch (nonces.use(request.headers().get(NONCE).get(0).trim(), clock.instant())) {
      case REUSED:
        return new Rejection(400, "SignatureNonceUsed",
            "The x-acs-signature-nonce was already used; send a fresh nonce with every request.");
      case FULL:
        return new Rejection(503, "ServiceUnavailable",
            "The replay server remembers too many nonces to accept more; try again later.");
      default:
        break;
    }

    String action = request.header("x-acs-action");
    if (!operation.action().equals(action)) {
      return new Rejection(404, "InvalidAction.NotFound",
          "x-acs-action \"" + action + "\" is not the action of " + operation.method() + " "
              + operation.pathTemplate() + " (" + operation.action() + ").");
    }
    String version = request.header("x-acs-version");
    if (!operation.version().equals(version)) {
      return new Rejection(400, "InvalidVersion", "x-acs-version \"" + version
          + "\" is not served; the API version is " + operation.version() + ".");
    }
    return null;
  }

  /**
   * Why a nonce header cannot be remembered as exactly what was signed, or {@code null} when it
   * can (absent is left to the signature check, which names the missing header).
   */
  private static Rejection checkNonce(List<String> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      return new Rejection(400, "InvalidSignatureNonce", "The header " + NONCE + " is sent " + values.size()
          + " times; send one nonce per request.");
    }
    String nonce = values.get(0).trim();
    if (nonce.isEmpty()) {
      return new Rejection(400, "InvalidSignatureNonce", "The " + NONCE + " is empty; send a fresh random "
          + "value with every request (the vendor's SDKs send 32 hex digits).");
    }
    if (nonce.length() > MAX_NONCE_LENGTH) {
      return new Rejection(400, "InvalidSignatureNonce", "The " + NONCE + " is " + nonce.length()
          + " characters long; the longest accepted is " + MAX_NONCE_LENGTH + ".");
    }
    for (int i = 0; i < nonce.length(); i++) {
      char c = nonce.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == ',') {
        return new Rejection(400, "InvalidSignatureNonce", "The " + NONCE + " has "
            + (c == ',' ? "a comma" : "a character other than visible ASCII") + " at position " + (i + 1)
            + "; send letters, digits or '-' (the vendor's SDKs send 32 hex digits).");
      }
    }
    return null;
  }

  /** Whether the Authorization header is well-formed (if not, the signature check says why). */
  private static boolean parses(String authorization) {
    try {
      AcsAuthorization.parse(authorization);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
