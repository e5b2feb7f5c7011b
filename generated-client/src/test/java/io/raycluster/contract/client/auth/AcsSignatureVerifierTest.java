package io.raycluster.contract.client.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AcsSignatureVerifierTest {
  private static final String KEY_ID = "LTAI-tVerifierKey";
  private static final String SECRET = "verifier-secret";
  private static final String PATH = "/api/v1/workspaces/w%201/rayCluster/ray%2A1";
  private static final Instant NOW = Instant.parse("2026-11-25T20:00:00Z");

  private final AcsSignatureVerifier verifier = AcsSignatureVerifier.builder()
      .secrets(id -> id.equals(KEY_ID) ? SECRET : null)
      .clock(Clock.fixed(NOW, ZoneOffset.UTC))
      .build();

  /** Headers of a request signed like the client signs, at {@code date}. */
  private static List<Map.Entry<String, String>> signed(String path, String date, String secret) {
    List<Map.Entry<String, String>> h = new ArrayList<>(List.of(
        Map.entry("Host", "emr-serverless-spark.cn-hangzhou.aliyuncs.com"),
        Map.entry("x-acs-action", "GetRayCluster"),
        Map.entry("x-acs-version", "2023-08-08"),
        Map.entry("x-acs-date", date),
        Map.entry("x-acs-signature-nonce", "n-1"),
        Map.entry("x-acs-content-sha256", AcsSignatures.EMPTY_PAYLOAD_HASH),
        Map.entry("User-Agent", "okhttp/4.12.0")));
    CanonicalRequest.Builder b = CanonicalRequest.builder().method("GET").encodedPath(path)
        .hashedPayload(AcsSignatures.EMPTY_PAYLOAD_HASH);
    h.forEach(e -> b.addHeader(e.getKey(), e.getValue()));
    h.add(Map.entry("Authorization", b.build().authorization(KEY_ID, secret).headerValue()));
    return h;
  }

  private AcsSignatureVerifier.Verification verify(String path, List<Map.Entry<String, String>> headers) {
    return verifier.verify("GET", path, null, headers, new byte[0]);
  }

  @Test
  void correctlySignedRequest_verifies_andExposesTheNonce() {
    AcsSignatureVerifier.Verification v = verify(PATH, signed(PATH, "2026-11-25T20:05:00Z", SECRET));
    assertTrue(v.ok(), v.toString());
    assertEquals("n-1", v.nonce());
    assertEquals(KEY_ID, v.authorization().accessKeyId());
  }

  @Test
  void headersAddedByAProxy_doNotBreakVerification() {
    List<Map.Entry<String, String>> h = signed(PATH, "2026-11-25T20:00:00Z", SECRET);
    h.add(Map.entry("x-acs-proxy-hop", "1"));
    h.add(Map.entry("X-Forwarded-For", "10.0.0.1"));
    assertTrue(verify(PATH, h).ok());
  }

  @Test
  void tamperedPath_isSignatureDoesNotMatch() {
    AcsSignatureVerifier.Verification v = verify("/api/v1/workspaces/w%201/rayCluster/ray*1",
        signed(PATH, "2026-11-25T20:00:00Z", SECRET));
    assertEquals("SignatureDoesNotMatch", v.code());
    assertEquals(400, v.httpStatus());
  }

  @Test
  void wrongSecret_isSignatureDoesNotMatch_andTheMessageHasNoSecret() {
    AcsSignatureVerifier.Verification v = verify(PATH, signed(PATH, "2026-11-25T20:00:00Z", "other"));
    assertEquals("SignatureDoesNotMatch", v.code());
    assertFalse(v.message().contains(SECRET));
  }

  @Test
  void unknownKeyId_isInvalidAccessKeyIdNotFound() {
    AcsSignatureVerifier verifyNobody = AcsSignatureVerifier.builder().secrets(id -> null)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    AcsSignatureVerifier.Verification v = verifyNobody.verify("GET", PATH, null,
        signed(PATH, "2026-11-25T20:00:00Z", SECRET), new byte[0]);
    assertEquals("InvalidAccessKeyId.NotFound", v.code());
    assertEquals(404, v.httpStatus());
  }

  @Test
  void dateMoreThan15MinutesOff_isInvalidTimeStampExpired() {
    assertEquals("InvalidTimeStamp.Expired", verify(PATH, signed(PATH, "2026-11-25T19:44:59Z", SECRET)).code());
  }

  @Test
  void missingAuthorization_isIncompleteSignature() {
    List<Map.Entry<String, String>> h = signed(PATH, "2026-11-25T20:00:00Z", SECRET);
    h.removeIf(e -> e.getKey().equals("Authorization"));
    assertEquals("IncompleteSignature", verify(PATH, h).code());
  }

  @Test
  void signedHeaderMissingOnTheWire_isIncompleteSignature() {
    List<Map.Entry<String, String>> h = signed(PATH, "2026-11-25T20:00:00Z", SECRET);
    h.removeIf(e -> e.getKey().equals("x-acs-action"));
    AcsSignatureVerifier.Verification v = verify(PATH, h);
    assertEquals("IncompleteSignature", v.code());
    assertTrue(v.message().contains("x-acs-action"), v.message());
  }

  @Test
  void bodyNotMatchingItsHash_isSignatureDoesNotMatch() {
    AcsSignatureVerifier.Verification v = verifier.verify("GET", PATH, null,
        signed(PATH, "2026-11-25T20:00:00Z", SECRET), "x".getBytes());
    assertEquals("SignatureDoesNotMatch", v.code());
    assertTrue(v.message().contains("x-acs-content-sha256"), v.message());
  }
}
