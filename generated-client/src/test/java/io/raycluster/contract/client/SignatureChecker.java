package io.raycluster.contract.client;

import io.raycluster.contract.client.auth.AcsAuthorization;
import io.raycluster.contract.client.auth.AcsSignatureVerifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Verifies what arrived at a MockWebServer the way a replay server would: with
 * {@link AcsSignatureVerifier} over the raw path, raw query, every header line and the body.
 */
final class SignatureChecker {
  private SignatureChecker() {}

  /** Returns null when the signature verifies, else the vendor code and message. */
  static String problem(RecordedRequest request, String secret) {
    String keyId = AcsAuthorization.parse(request.getHeader("Authorization")).accessKeyId();
    // The tests' clocks are fixed in the past: judge the date against itself.
    Clock clock = Clock.fixed(Instant.parse(request.getHeader("x-acs-date")), ZoneOffset.UTC);
    AcsSignatureVerifier verifier = AcsSignatureVerifier.builder()
        .secrets(id -> id.equals(keyId) ? secret : null).clock(clock).build();
    AcsSignatureVerifier.Verification v = verifier.verify(request.getMethod(), rawPath(request),
        rawQuery(request), headers(request), request.getBody().clone().readByteArray());
    return v.ok() ? null : v.code() + ": " + v.message();
  }

  static String rawPath(RecordedRequest r) {
    String target = r.getPath();
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  static String rawQuery(RecordedRequest r) {
    String target = r.getPath();
    int q = target.indexOf('?');
    return q < 0 ? null : target.substring(q + 1);
  }

  static List<Map.Entry<String, String>> headers(RecordedRequest r) {
    Headers headers = r.getHeaders();
    List<Map.Entry<String, String>> list = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      list.add(Map.entry(headers.name(i), headers.value(i)));
    }
    return list;
  }
}
