package io.raycluster.contract.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.raycluster.contract.client.RayClusterJson;
import io.raycluster.contract.client.generated.model.RayCluster;
import io.raycluster.contract.conformance.ClusterSummary;
import io.raycluster.contract.spec.RayClusterSpec;
import java.io.InputStream;

/**
 * Reads the documented 200 example out of the spec jar, decodes it into the generated model
 * with the client's Jackson settings, and prints a summary of the cluster.
 */
public final class ParseDocumentedExample {
  static final String EXAMPLE_POINTER =
      "/paths/~1api~1v1~1workspaces~1{workspaceId}~1rayCluster~1{clusterId}"
          + "/get/responses/200/content/application~1json/example";

  public static void main(String[] args) throws Exception {
    JsonNode example;
    try (InputStream in = RayClusterSpec.open()) {
      example = new ObjectMapper(new YAMLFactory()).readTree(in).at(EXAMPLE_POINTER);
    }
    RayCluster cluster = RayClusterJson.newMapper().treeToValue(example, RayCluster.class);
    ClusterSummary.print(cluster, System.out);
  }

  private ParseDocumentedExample() {}
}
