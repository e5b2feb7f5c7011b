package io.raycluster.contract.conformance;

import io.raycluster.contract.client.auth.Redaction;
import io.raycluster.contract.client.generated.model.HeadNodeSpec;
import io.raycluster.contract.client.generated.model.RayCluster;
import io.raycluster.contract.client.generated.model.RayNodeInstance;
import io.raycluster.contract.client.generated.model.WorkerGroupSpec;
import java.io.PrintStream;

/**
 * A Ray cluster as a few readable lines: identity and state, head and worker specs, each node,
 * and the endpoints. Secrets are never printed: {@code submitToken} is left out and the
 * dashboard's {@code token=} value is masked.
 */
public final class ClusterSummary {
  private ClusterSummary() {}

  public static void print(RayCluster c, PrintStream out) {
    out.printf("Ray cluster %s (%s) in state %s%n", or(c.getName()), or(c.getClusterId()),
        c.getState() == null ? "-" : c.getState().getValue());
    if (c.getMessage() != null) {
      out.printf("  message    %s%n", c.getMessage());
    }
    if (c.getDisplayReleaseVersion() != null) {
      out.printf("  release    %s%n", c.getDisplayReleaseVersion());
    }
    HeadNodeSpec head = c.getHeadSpec();
    if (head != null) {
      out.printf("  head       %s x (%s CPU, %s memory%s), queue %s, autoscaling %s, idle timeout %ss%n",
          or(head.getReplica()), or(head.getCpu()), or(head.getMemory()),
          head.getGpuSpec() == null ? "" : ", GPU " + head.getGpuSpec(), or(head.getQueueName()),
          or(head.getEnableAutoScaling()), or(head.getIdleTimeoutSeconds()));
    }
    if (c.getWorkerSpec() != null) {
      for (WorkerGroupSpec w : c.getWorkerSpec()) {
        out.printf("  workers    %s (%s): %s nodes (min %s, max %s) of %s CPU, %s memory%s, queue %s%n",
            or(w.getGroupName()), or(w.getWorkerType()), or(w.getReplica()), or(w.getMinReplica()),
            or(w.getMaxReplica()), or(w.getCpu()), or(w.getMemory()),
            w.getGpuSpec() == null ? "" : ", GPU " + w.getGpuSpec(), or(w.getQueueName()));
      }
    }
    if (c.getInstances() != null) {
      for (RayNodeInstance i : c.getInstances()) {
        StringBuilder container = new StringBuilder(or(i.getContainerState()));
        if (i.getContainerExitCode() != null) {
          container.append(", exit ").append(i.getContainerExitCode());
        }
        if (i.getReason() != null) {
          container.append(", ").append(i.getReason());
        }
        out.printf("  node       %s %s: phase %s, container %s%n",
            or(i.getType()), or(i.getInstanceId()), or(i.getPhase()), container);
      }
    }
    endpoint(out, "jobs", c.getJobUrl());
    endpoint(out, "jobs (VPC)", c.getJobUrlInner());
    endpoint(out, "gRPC", c.getGrpcEndpoint());
    endpoint(out, "dashboard", c.getDashboardUrl() == null ? null
        : Redaction.maskText(c.getDashboardUrl(), "***"));
  }

  private static void endpoint(PrintStream out, String label, String url) {
    if (url != null) {
      out.printf("  %-10s %s%n", label, url);
    }
  }

  private static String or(Object value) {
    return value == null ? "-" : value.toString();
  }
}
