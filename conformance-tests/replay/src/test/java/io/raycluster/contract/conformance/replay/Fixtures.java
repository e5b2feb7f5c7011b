package io.raycluster.contract.conformance.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.raycluster.contract.client.auth.AcsSignatures;
import io.raycluster.contract.client.auth.CanonicalRequest;
import io.raycluster.contract.client.auth.AcsEncoding;
import io.raycluster.contract.spec.ApiSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.Request;

/** Test data: the documented example from the spec, and requests signed by hand. */
final class Fixtures {
  static final String WORKSPACE = "w-d2d82aa09155";
  static final String CLUSTER = "ray-k7nm8ahl5te4tg91";
  static final String KEY_ID = "replay-test-key";
  static final String SECRET = "replay-test-secret-0123456789";

  private Fixtures() {}

  /** GetRayCluster's documented 200 example, as the spec records it. */
  static ObjectNode example() {
    return (ObjectNode) ApiSpec.bundled().requireOperation("getRayCluster").responses().get("200").example();
  }

  /** GetRayCluster's path for these ids, each encoded as one segment. */
  static String path(String workspaceId, String clusterId) {
    return "/api/v1/workspaces/" + AcsEncoding.encode(workspaceId) + "/rayCluster/" + AcsEncoding.encode(clusterId);
  }

  static byte[] exampleBytes() {
    try {
      return new ObjectMapper().writeValueAsBytes(example());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode exampleWith(String clusterId, String state) {
    ObjectNode node = example();
    node.put("clusterId", clusterId);
    node.put("state", state);
    return node;
  }

  static byte[] bytes(JsonNode node) {
    try {
      return new ObjectMapper().writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The x-acs-* headers of a GetRayCluster request at {@code date}, unsigned. */
  static Map<String, String> acsHeaders(HttpUrl url, Instant date) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("host", url.host() + ":" + url.port());
    h.put("x-acs-action", "GetRayCluster");
    h.put("x-acs-version", "2023-08-08");
    h.put("x-acs-date", date.toString().replaceAll("\\.\\d+Z$", "Z"));
    h.put("x-acs-signature-nonce", UUID.randomUUID().toString().replace("-", ""));
    h.put("x-acs-content-sha256", AcsSignatures.EMPTY_PAYLOAD_HASH);
    return h;
  }

  /**
   * A GET signed by hand with {@link CanonicalRequest} over exactly {@code headers}, so that tests
   * can sign requests the client would never send (another action, a missing header).
   */
  static Request signedGet(HttpUrl url, Map<String, String> headers, String keyId, String secret) {
    CanonicalRequest.Builder canonical = CanonicalRequest.builder()
        .method("GET").encodedPath(url.encodedPath()).encodedQuery(url.encodedQuery())
        .hashedPayload(headers.getOrDefault("x-acs-content-sha256", AcsSignatures.EMPTY_PAYLOAD_HASH));
    headers.forEach(canonical::addHeader);
    CanonicalRequest built = canonical.build();
    Request.Builder request = new Request.Builder().url(url).get();
    headers.forEach((k, v) -> {
      if (!k.equals("host")) {
        request.header(k, v);
      }
    });
    return request.header("Authorization", built.authorization(keyId, secret).headerValue()).build();
  }
}
