package io.raycluster.contract.conformance.replay;

import io.raycluster.contract.client.SpecCatalog;
import io.raycluster.contract.client.auth.AcsAuthorization;
import io.raycluster.contract.client.auth.AcsSignatures;
import io.raycluster.contract.client.auth.CanonicalRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a request as the vendor's gateway checks a signature V3 request, in this order, and
 * says why it refuses one (status and vendor code):
 *
 * <ol>
 *   <li>no {@code Authorization}, or one that is not ACS3-HMAC-SHA256: 400 {@code IncompleteSignature};
 *   <li>a required header absent: 400 {@code MissingParameter}; present but not signed: 400
 *       {@code IncompleteSignature};
 *   <li>an AccessKey id it does not know: 404 {@code InvalidAccessKeyId.NotFound};
 *   <li>an {@code x-acs-date} it cannot read: 400 {@code InvalidTimeStamp.Format}; more than 15
 *       minutes from its clock: 400 {@code InvalidTimeStamp.Expired};
 *   <li>{@code x-acs-content-sha256} not the body's hash, or a signature that differs from the
 *       one recomputed from the request as it arrived: 400 {@code SignatureDoesNotMatch} (the
 *       message carries the server's canonical-request hash to compare with the client's);
 *   <li>a nonce already used within the window: 400 {@code SignatureNonceUsed} (recorded only
 *       once the signature holds, so unsigned traffic cannot burn nonces);
 *   <li>an {@code x-acs-action} other than the operation's: 404 {@code InvalidAction.NotFound};
 *       another {@code x-acs-version}: 400 {@code InvalidVersion}.
 * </ol>
 *
 * <p>The canonical request is rebuilt with the client's own {@link CanonicalRequest} from the raw
 * path, raw query and the headers named in {@code SignedHeaders}, so any correct ACS3 signer is
 * accepted, not only this project's. STS security tokens are accepted as sent (nothing here can
 * check them).
 */
final class RequestVerifier {
  static final List<String> REQUIRED_HEADERS = List.of(
      "host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce",
      "x-acs-content-sha256");

  private final Map<String, String> secrets;
  private final Clock clock;
  private final NonceCache nonces;
  private final SpecCatalog.Operation operation;
  private final Duration window;

  RequestVerifier(Map<String, String> secrets, Clock clock, NonceCache nonces,
      SpecCatalog.Operation operation, Duration window) {
    this.secrets = secrets;
    this.clock = clock;
    this.nonces = nonces;
    this.operation = operation;
    this.window = window;
  }

  /** {@code null} when the request is signed correctly for the operation; else why not. */
  Rejection verify(WireRequest request) {
    String header = request.header("authorization");
    if (header == null) {
      return new Rejection(400, "IncompleteSignature",
          "The request carries no Authorization header; sign it with ACS3-HMAC-SHA256.");
    }
    AcsAuthorization auth;
    try {
      auth = AcsAuthorization.parse(header);
    } catch (IllegalArgumentException e) {
      return new Rejection(400, "IncompleteSignature", "The Authorization header is malformed: "
          + e.getMessage() + ".");
    }
    List<String> signed = auth.signedHeaders().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    for (String name : REQUIRED_HEADERS) {
      if (request.header(name) == null) {
        return new Rejection(400, "MissingParameter", "The required header " + name + " is missing.");
      }
      if (!signed.contains(name)) {
        return new Rejection(400, "IncompleteSignature",
            "SignedHeaders must include " + name + "; it lists " + String.join(";", signed) + ".");
      }
    }
    if (request.header("x-acs-security-token") != null && !signed.contains("x-acs-security-token")) {
      return new Rejection(400, "IncompleteSignature",
          "SignedHeaders must include x-acs-security-token when the request carries one.");
    }
    String secret = secrets.get(auth.accessKeyId());
    if (secret == null) {
      return new Rejection(404, "InvalidAccessKeyId.NotFound",
          "The AccessKey id in the Authorization header is not known to this server.");
    }

    Instant now = clock.instant();
    String date = request.header("x-acs-date");
    Instant sent;
    try {
      sent = DateTimeFormatter.ISO_INSTANT.parse(date, Instant::from);
    } catch (DateTimeParseException e) {
      return new Rejection(400, "InvalidTimeStamp.Format",
          "x-acs-date must be a UTC time such as 2026-01-31T12:00:00Z, got \"" + date + "\".");
    }
    if (Duration.between(sent, now).abs().compareTo(window) > 0) {
      return new Rejection(400, "InvalidTimeStamp.Expired", "x-acs-date " + date
          + " is more than " + window.toMinutes() + " minutes from the server time " + now + ".");
    }

    String contentHash = request.header("x-acs-content-sha256");
    if (!AcsSignatures.sha256Hex(request.body()).equalsIgnoreCase(contentHash)) {
      return new Rejection(400, "SignatureDoesNotMatch",
          "x-acs-content-sha256 is not the SHA-256 of the request body.");
    }
    CanonicalRequest canonical;
    try {
      CanonicalRequest.Builder builder = CanonicalRequest.builder()
          .method(request.method())
          .encodedPath(request.rawPath())
          .encodedQuery(request.rawQuery())
          .onlySignedHeaders(signed)
          .hashedPayload(contentHash);
      request.headers().forEach((name, values) -> values.forEach(v -> builder.addHeader(name, v)));
      canonical = builder.build();
    } catch (IllegalArgumentException e) {
      return new Rejection(400, "IncompleteSignature", e.getMessage() + ".");
    }
    if (!AcsSignatures.constantTimeEquals(canonical.signature(secret), auth.signature())) {
      return new Rejection(400, "SignatureDoesNotMatch",
          "The signature does not match the request. The server's canonical request hashes to "
              + canonical.hashHex() + " (signed headers " + canonical.signedHeadersString() + ").");
    }

    switch (nonces.use(request.header("x-acs-signature-nonce"), now)) {
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
}
