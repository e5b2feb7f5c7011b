package io.raycluster.contract.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.raycluster.contract.client.RayClusterJson;
import io.raycluster.contract.client.generated.model.HeadNodeSpec;
import io.raycluster.contract.client.generated.model.RayCluster;
import io.raycluster.contract.client.generated.model.RayNodeInstance;
import io.raycluster.contract.client.generated.model.WorkerGroupSpec;
import io.raycluster.contract.spec.RayClusterSpec;
import java.io.InputStream;
import java.io.PrintStream;

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
    print(cluster, System.out);
  }

  static void print(RayCluster c, PrintStream out) {
    out.printf("Ray cluster %s (%s): %s, message \"%s\"%n",
        c.getName(), c.getClusterId(), c.getState(), c.getMessage());
    out.printf("  release   %s%n", c.getDisplayReleaseVersion());
    HeadNodeSpec head = c.getHeadSpec();
    if (head != null) {
      out.printf("  head      %s CPU, %s memory, %s x %s, queue %s, autoscaling %s%n",
          head.getCpu(), head.getMemory(), head.getReplica(), head.getGpuSpec(),
          head.getQueueName(), head.getEnableAutoScaling());
    }
    if (c.getWorkerSpec() != null) {
      for (WorkerGroupSpec w : c.getWorkerSpec()) {
        out.printf("  workers   %s (%s): %s of %s..%s, %s CPU, %s memory each%n",
            w.getGroupName(), w.getWorkerType(), w.getReplica(), w.getMinReplica(),
            w.getMaxReplica(), w.getCpu(), w.getMemory());
      }
    }
    if (c.getInstances() != null) {
      for (RayNodeInstance i : c.getInstances()) {
        out.printf("  node      %s %s: phase %s, container %s (exit %s, %s)%n",
            i.getType(), i.getInstanceId(), i.getPhase(), i.getContainerState(),
            i.getContainerExitCode(), i.getReason());
      }
    }
    out.printf("  jobs      %s%n", c.getJobUrl());
    out.printf("  gRPC      %s%n", c.getGrpcEndpoint());
  }

  private ParseDocumentedExample() {}
}
