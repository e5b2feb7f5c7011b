package io.raycluster.contract.conformance.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.SpecOperation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The verifier against the vendor's published vector A (facts file): a request signed by the
 * vendor's own documentation, not by this project's signer, must be accepted.
 */
class RequestVerifierTest {
  private static final String VECTOR_A_SIGNATURE =
      "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0";
  private static final String VECTOR_A_SIGNED_HEADERS =
      "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version";

  /** An operation like vector A's (RunInstances, 2014-05-26), read the way the spec is read. */
  private static SpecOperation runInstances() {
    String yaml = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /:\n    post:\n"
        + "      operationId: runInstances\n      x-acs-action: RunInstances\n      x-acs-version: '2014-05-26'\n"
        + "      responses: {'200': {description: ok}}\n";
    return ApiSpec.parse(yaml, "vector-a").requireOperation("runInstances");
  }

  private static RequestVerifier verifier(Instant now) throws Exception {
    return new RequestVerifier(Map.of("YourAccessKeyId", "YourAccessKeySecret"),
        Clock.fixed(now, ZoneOffset.UTC), new NonceCache(Duration.ofMinutes(15), 1000, NonceCache.DEFAULT_MAX_BYTES), Duration.ofMinutes(15));
  }

  private static WireRequest vectorA(String signature) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("host", List.of("ecs.cn-shanghai.aliyuncs.com"));
    headers.put("x-acs-action", List.of("RunInstances"));
    headers.put("x-acs-version", List.of("2014-05-26"));
    headers.put("x-acs-date", List.of("2023-10-26T10:22:32Z"));
    headers.put("x-acs-signature-nonce", List.of("3156853299f313e23d1673dc12e1703d"));
    headers.put("x-acs-content-sha256",
        List.of("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    headers.put("authorization", List.of("ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders="
        + VECTOR_A_SIGNED_HEADERS + ",Signature=" + signature));
    return new WireRequest("POST", "/",
        "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai",
        headers, new byte[0]);
  }

  @Test
  void publishedVectorA_isAccepted() throws Exception {
    assertNull(verifier(Instant.parse("2023-10-26T10:25:00Z")).verify(vectorA(VECTOR_A_SIGNATURE), runInstances()));
  }

  @Test
  void publishedVectorA_withOneSignatureCharacterChanged_isSignatureDoesNotMatch() throws Exception {
    String forged = "16563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0";
    Rejection r = verifier(Instant.parse("2023-10-26T10:25:00Z")).verify(vectorA(forged), runInstances());
    assertEquals("SignatureDoesNotMatch", r.code());
    assertTrue(r.message().contains("7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259"),
        "the message carries the server's canonical-request hash (the published one): " + r.message());
  }

  @Test
  void publishedVectorA_anHourLater_isExpired() throws Exception {
    Rejection r = verifier(Instant.parse("2023-10-26T11:22:32Z")).verify(vectorA(VECTOR_A_SIGNATURE), runInstances());
    assertEquals("InvalidTimeStamp.Expired", r.code());
  }

  @Test
  void publishedVectorA_twice_isSignatureNonceUsedTheSecondTime() throws Exception {
    RequestVerifier v = verifier(Instant.parse("2023-10-26T10:22:40Z"));
    assertNull(v.verify(vectorA(VECTOR_A_SIGNATURE), runInstances()));
    assertEquals("SignatureNonceUsed", v.verify(vectorA(VECTOR_A_SIGNATURE), runInstances()).code());
  }

  @Test
  void nonceCache_forgetsAfterTheWindowAndIsBounded() {
    NonceCache cache = new NonceCache(Duration.ofMinutes(15), 2, NonceCache.DEFAULT_MAX_BYTES);
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    assertEquals(NonceCache.Outcome.FRESH, cache.use("a", t));
    assertEquals(NonceCache.Outcome.REUSED, cache.use("a", t.plusSeconds(60)));
    assertEquals(NonceCache.Outcome.FRESH, cache.use("b", t));
    assertEquals(NonceCache.Outcome.FULL, cache.use("c", t.plusSeconds(1)));
    assertEquals(NonceCache.Outcome.FRESH, cache.use("c", t.plus(Duration.ofMinutes(16))));
    assertEquals(NonceCache.Outcome.FRESH, cache.use("a", t.plus(Duration.ofMinutes(16))));
    assertTrue(cache.size() <= 2);
  }
}
