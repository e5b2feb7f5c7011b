package io.raycluster.contract.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.raycluster.contract.spec.RayClusterSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The reference page's JSON example, as the spec records it for the 200 response. */
final class DocumentedExample {
  static final String POINTER =
      "/paths/~1api~1v1~1workspaces~1{workspaceId}~1rayCluster~1{clusterId}"
          + "/get/responses/200/content/application~1json/example";

  private DocumentedExample() {}

  static JsonNode tree() {
    try (InputStream in = RayClusterSpec.open()) {
      JsonNode example = new ObjectMapper(new YAMLFactory()).readTree(in).at(POINTER);
      if (example.isMissingNode()) {
        throw new IllegalStateException("no example at " + POINTER);
      }
      return example;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String json() {
    return tree().toString();
  }
}
