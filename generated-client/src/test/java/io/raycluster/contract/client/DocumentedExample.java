package io.raycluster.contract.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.raycluster.contract.spec.ApiSpec;

/** The reference page's JSON example, as the spec records it for GetRayCluster's 200 response. */
final class DocumentedExample {
  private DocumentedExample() {}

  static JsonNode tree() {
    JsonNode example = ApiSpec.bundled().requireOperation("getRayCluster").responses().get("200").example();
    if (example == null) {
      throw new IllegalStateException("the spec gives no example for getRayCluster's 200 response");
    }
    return example;
  }

  static String json() {
    return tree().toString();
  }
}
