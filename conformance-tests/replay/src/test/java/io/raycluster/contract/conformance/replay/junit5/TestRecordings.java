package io.raycluster.contract.conformance.replay.junit5;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.raycluster.contract.client.VendorErrorBody;
import io.raycluster.contract.client.auth.AcsEncoding;
import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.SpecOperation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * The extension tests' expectations, read from their recordings (src/test/resources/fake-spark)
 * and the spec, never written out again in the tests.
 */
final class TestRecordings {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final SpecOperation GET_RAY_CLUSTER = ApiSpec.bundled().requireOperation("getRayCluster");
  /** A bare body: a running cluster, answered in any workspace. */
  static final JsonNode RUNNING = json("fake-spark/running.json");
  /** A HAR of one cluster polled while it starts: its first answer, then its second. */
  static final JsonNode STARTING_THEN_RUNNING = json("fake-spark/starting-then-running.har");
  /** The workspace the HAR was recorded in. */
  static final String WORKSPACE = GET_RAY_CLUSTER.pathVariables(URI.create(
      STARTING_THEN_RUNNING.at("/log/entries/0/request/url").asText()).getRawPath()).orElseThrow().get("workspaceId");

  private TestRecordings() {}

  static JsonNode json(String resource) {
    try (InputStream in = TestRecordings.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + resource);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body the HAR recorded as the answer of entry {@code i}. */
  static JsonNode harBody(JsonNode har, int i) {
    try {
      return MAPPER.readTree(har.at("/log/entries/" + i + "/response/content/text").asText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The cluster the HAR was recorded for. */
  static String harCluster(JsonNode har) {
    return harBody(har, 0).get("clusterId").asText();
  }

  /** GetRayCluster's path for these ids, each encoded as one segment, from the spec's template. */
  static String path(String workspaceId, String clusterId) {
    return GET_RAY_CLUSTER.pathTemplate()
        .replace("{workspaceId}", AcsEncoding.encode(workspaceId))
        .replace("{clusterId}", AcsEncoding.encode(clusterId));
  }

  /** The code of the spec's documented 404, which the fake answers for a call it has no recording of. */
  static String notFoundCode() {
    return VendorErrorBody.of(GET_RAY_CLUSTER.responses().get("404").example()).orElseThrow().code();
  }
}
