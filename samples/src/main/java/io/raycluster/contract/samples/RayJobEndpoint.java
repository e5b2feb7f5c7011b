package io.raycluster.contract.samples;

import io.raycluster.contract.client.RayClusterClient;
import io.raycluster.contract.client.generated.model.RayCluster;
import io.raycluster.contract.client.generated.model.RayClusterState;
import java.util.Optional;

/**
 * Where to submit Ray jobs for a cluster: its job URL, once the cluster runs. Code of the kind a
 * service has around the client; {@code RayJobEndpointTest} tests it against a fake EMR
 * Serverless Spark (the JUnit extension of the replay library).
 */
public final class RayJobEndpoint {
  private final RayClusterClient client;

  public RayJobEndpoint(RayClusterClient client) {
    this.client = client;
  }

  /**
   * The cluster's job URL while it is {@code Running}; empty while it starts, or once it stops or
   * fails.
   *
   * @throws io.raycluster.contract.client.RayClusterException when the call fails (an unknown
   *     cluster is a {@link io.raycluster.contract.client.NotFoundException})
   */
  public Optional<String> find(String workspaceId, String clusterId) {
    RayCluster cluster = client.getRayCluster(workspaceId, clusterId);
    return cluster.getState() == RayClusterState.RUNNING ? Optional.ofNullable(cluster.getJobUrl()) : Optional.empty();
  }
}
