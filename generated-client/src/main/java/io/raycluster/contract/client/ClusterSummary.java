package io.raycluster.contract.client;

import io.raycluster.contract.client.auth.Redaction;
import io.raycluster.contract.client.generated.model.HeadNodeSpec;
import io.raycluster.contract.client.generated.model.RayCluster;
import io.raycluster.contract.client.generated.model.RayNodeInstance;
import io.raycluster.contract.client.generated.model.WorkerGroupSpec;
import java.io.PrintStream;

/**
 * A Ray cluster as a few readable lines: identity and state, head and worker specs, each node,
 * and the endpoints. Every value goes through the spec's {@code x-sensitive} marks
 * ({@link Redaction#contract()}) before it is printed: a secret property never shows, and a
 * secret query value inside a URL (the dashboard's {@code token}) is masked.
 */
public final class ClusterSummary {
  private static final Redaction SECRETS = Redaction.contract();

  private ClusterSummary() {}

  public static void print(RayCluster c, PrintStream out) {
    out.printf("Ray cluster %s (%s) in state %s%n", show("name", c.getName()),
        show("clusterId", c.getClusterId()), c.getState() == null ? "-" : show("state", c.getState().getValue()));
    if (c.getMessage() != null) {
      out.printf("  message    %s%n", show("message", c.getMessage()));
    }
    if (c.getDisplayReleaseVersion() != null) {
      out.printf("  release    %s%n", show("displayReleaseVersion", c.getDisplayReleaseVersion()));
    }
    HeadNodeSpec head = c.getHeadSpec();
    if (head != null) {
      out.printf("  head       %s x (%s CPU, %s memory%s), queue %s, autoscaling %s, idle timeout %ss%n",
          show("replica", head.getReplica()), show("cpu", head.getCpu()), show("memory", head.getMemory()),
          head.getGpuSpec() == null ? "" : ", GPU " + show("gpuSpec", head.getGpuSpec()),
          show("queueName", head.getQueueName()), show("enableAutoScaling", head.getEnableAutoScaling()),
          show("idleTimeoutSeconds", head.getIdleTimeoutSeconds()));
    }
    if (c.getWorkerSpec() != null) {
      for (WorkerGroupSpec w : c.getWorkerSpec()) {
        out.printf("  workers    %s (%s): %s nodes (min %s, max %s) of %s CPU, %s memory%s, queue %s%n",
            show("groupName", w.getGroupName()), show("workerType", w.getWorkerType()),
            show("replica", w.getReplica()), show("minReplica", w.getMinReplica()),
            show("maxReplica", w.getMaxReplica()), show("cpu", w.getCpu()), show("memory", w.getMemory()),
            w.getGpuSpec() == null ? "" : ", GPU " + show("gpuSpec", w.getGpuSpec()),
            show("queueName", w.getQueueName()));
      }
    }
    if (c.getInstances() != null) {
      for (RayNodeInstance i : c.getInstances()) {
        StringBuilder container = new StringBuilder(show("containerState", i.getContainerState()));
        if (i.getContainerExitCode() != null) {
          container.append(", exit ").append(i.getContainerExitCode());
        }
        if (i.getReason() != null) {
          container.append(", ").append(show("reason", i.getReason()));
        }
        out.printf("  node       %s %s: phase %s, container %s%n",
            show("type", i.getType()), show("instanceId", i.getInstanceId()), show("phase", i.getPhase()), container);
      }
    }
    endpoint(out, "jobs", "jobUrl", c.getJobUrl());
    endpoint(out, "jobs (VPC)", "jobUrlInner", c.getJobUrlInner());
    endpoint(out, "gRPC", "grpcEndpoint", c.getGrpcEndpoint());
    endpoint(out, "dashboard", "dashboardUrl", c.getDashboardUrl());
  }

  private static void endpoint(PrintStream out, String label, String property, String url) {
    if (url != null) {
      out.printf("  %-10s %s%n", label, show(property, url));
    }
  }

  /** A property's value as it may be printed: {@code -} when absent, secrets masked, controls escaped. */
  private static String show(String property, Object value) {
    // Escaped: a server's text must not forge a line of this summary.
    return value == null ? "-" : PrintableText.escape(SECRETS.maskValue(property, value, "***"));
  }
}
