package io.raycluster.contract.samples;

import com.fasterxml.jackson.databind.JsonNode;
import io.raycluster.contract.client.ClusterSummary;
import io.raycluster.contract.client.RayClusterJson;
import io.raycluster.contract.client.generated.model.RayCluster;
import io.raycluster.contract.spec.ApiSpec;

/**
 * Reads the documented 200 example of GetRayCluster out of the spec jar (through the spec's
 * reader, {@link ApiSpec}), decodes it into the generated model with the client's Jackson
 * settings, and prints a summary of the cluster.
 */
public final class ParseDocumentedExample {
  public static void main(String[] args) throws Exception {
    JsonNode example = ApiSpec.bundled().requireOperation("getRayCluster").responses().get("200").example();
    RayCluster cluster = RayClusterJson.newMapper().treeToValue(example, RayCluster.class);
    System.out.println("The spec's documented example of a GetRayCluster response, decoded:");
    ClusterSummary.print(cluster, System.out);
  }

  private ParseDocumentedExample() {}
}
