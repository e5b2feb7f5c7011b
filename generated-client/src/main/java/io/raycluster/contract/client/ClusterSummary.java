package io.raycluster.contract.client;

import io.raycluster.contract.client.auth.Redaction;
import io.raycluster.contract.client.generated.model.HeadNodeSpec;
import io.raycluster.contract.client.generated.model.RayCluster;
import io.raycluster.contract.client.generated.model.RayNodeInstance;
import io.raycluster.contract.client.generated.model.WorkerGroupSpec;
import java.io.PrintStream;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A Ray cluster as a few readable lines: identity and state, head and worker specs, each node,
 * and the endpoints. Every value goes through the spec's {@code x-sensitive} marks
 * ({@link Redaction#contract()}) before it is printed: a secret property never shows, and a
 * secret query value inside a URL (the dashboard's {@code token}) is masked. With
 * {@link #print(RayCluster, PrintStream, Redaction)} and a client's
 * {@link RayClusterClient#redaction()}, credential values the server echoed are masked too.
 */
public final class ClusterSummary {
  private ClusterSummary() {}

  /** Prints {@code c} with the spec's marks ({@link Redaction#contract()}). */
  public static void print(RayCluster c, PrintStream out) {
    print(c, out, Redaction.contract());
  }

  /**
   * Prints {@code c}, every value masked by {@code secrets}: for example a client's
   * {@link RayClusterClient#redaction()}, which also masks the credentials it sent. Control
   * characters are escaped: a server's text must not forge a line of this summary.
   */
  public static void print(RayCluster c, PrintStream out, Redaction secrets) {
    Objects.requireNonNull(secrets, "secrets");
    BiFunction<String, Object, String> show = (property, value) ->
        value == null ? "-" : PrintableText.escape(secrets.maskValue(property, value, "***"));
    out.printf("Ray cluster %s (%s) in state %s%n", show.apply("name", c.getName()),
        show.apply("clusterId", c.getClusterId()), c.getState() == null ? "-" : show.apply("state", c.getState().getValue()));
    if (c.getMessage() != null) {
      out.printf("  message    %s%n", show.apply("message", c.getMessage()));
    }
    if (c.getDisplayReleaseVersion() != null) {
      out.printf("  release    %s%n", show.apply("displayReleaseVersion", c.getDisplayReleaseVersion()));
    }
    HeadNodeSpec head = c.getHeadSpec();
    if (head != null) {
      out.printf("  head       %s x (%s CPU, %s memory%s), queue %s, autoscaling %s, idle timeout %ss%n",
          show.apply("replica", head.getReplica()), show.apply("cpu", head.getCpu()),
          show.apply("memory", head.getMemory()),
          head.getGpuSpec() == null ? "" : ", GPU " + show.apply("gpuSpec", head.getGpuSpec()),
          show.apply("queueName", head.getQueueName()), show.apply("enableAutoScaling", head.getEnableAutoScaling()),
          show.apply("idleTimeoutSeconds", head.getIdleTimeoutSeconds()));
    }
    if (c.getWorkerSpec() != null) {
      for (WorkerGroupSpec w : c.getWorkerSpec()) {
        out.printf("  workers    %s (%s): %s nodes (min %s, max %s) of %s CPU, %s memory%s, queue %s%n",
            show.apply("groupName", w.getGroupName()), show.apply("workerType", w.getWorkerType()),
            show.apply("replica", w.getReplica()), show.apply("minReplica", w.getMinReplica()),
            show.apply("maxReplica", w.getMaxReplica()), show.apply("cpu", w.getCpu()), show.apply("memory", w.getMemory()),
            w.getGpuSpec() == null ? "" : ", GPU " + show.apply("gpuSpec", w.getGpuSpec()),
            show.apply("queueName", w.getQueueName()));
      }
    }
    if (c.getInstances() != null) {
      for (RayNodeInstance i : c.getInstances()) {
        StringBuilder container = new StringBuilder(show.apply("containerState", i.getContainerState()));
        if (i.getContainerExitCode() != null) {
          container.append(", exit ").append(i.getContainerExitCode());
        }
        if (i.getReason() != null) {
          container.append(", ").append(show.apply("reason", i.getReason()));
        }
        out.printf("  node       %s %s: phase %s, container %s%n",
            show.apply("type", i.getType()), show.apply("instanceId", i.getInstanceId()), show.apply("phase", i.getPhase()), container);
      }
    }
    endpoint(out, show, "jobs", "jobUrl", c.getJobUrl());
    endpoint(out, show, "jobs (VPC)", "jobUrlInner", c.getJobUrlInner());
    endpoint(out, show, "gRPC", "grpcEndpoint", c.getGrpcEndpoint());
    endpoint(out, show, "dashboard", "dashboardUrl", c.getDashboardUrl());
  }

  private static void endpoint(PrintStream out, BiFunction<String, Object, String> show,
      String label, String property, String url) {
    if (url != null) {
      out.printf("  %-10s %s%n", label, show.apply(property, url));
    }
  }
}
