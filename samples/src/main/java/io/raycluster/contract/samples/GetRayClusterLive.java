package io.raycluster.contract.samples;

import io.raycluster.contract.client.RayClusterClient;
import io.raycluster.contract.client.RayClusterException;
import io.raycluster.contract.client.VendorErrorException;
import io.raycluster.contract.client.credentials.CredentialsException;
import io.raycluster.contract.client.credentials.CredentialsProvider;
import io.raycluster.contract.client.credentials.CredentialsProviders;
import io.raycluster.contract.client.credentials.Environment;
import io.raycluster.contract.client.credentials.Regions;
import io.raycluster.contract.client.generated.model.RayCluster;
import java.io.PrintStream;

/**
 * Calls the live GetRayCluster with the credentials the vendor's tools use, and prints the
 * cluster.
 *
 * <pre>
 * GetRayClusterLive &lt;workspaceId&gt; &lt;clusterId&gt; [region]
 * </pre>
 *
 * <p>The region is the third argument, else {@code ALIBABA_CLOUD_REGION_ID}, else the CLI
 * profile's {@code region_id}. Exit codes: 0 the cluster was read; 1 the service or the network
 * failed; 2 something is missing (arguments, credentials, region) and nothing was sent.
 */
public final class GetRayClusterLive {
  static final int OK = 0;
  static final int CALL_FAILED = 1;
  static final int MISSING = 2;

  public static void main(String[] args) {
    System.exit(run(args, Environment.system(), System.out, System.err));
  }

  static int run(String[] args, Environment env, PrintStream out, PrintStream err) {
    if (args.length < 2 || args.length > 3) {
      err.println("Usage: GetRayClusterLive <workspaceId> <clusterId> [region]");
      err.println("  for example: GetRayClusterLive w-d2d82aa09155 ray-k7nm8ahl5te4tg91 cn-hangzhou");
      return MISSING;
    }
    CredentialsProvider credentials = CredentialsProviders.defaultChain(env);
    try {
      // Resolve once up front, so that missing credentials are reported before any request.
      out.println("Using credentials: " + credentials.resolveCredentials());
    } catch (CredentialsException e) {
      err.println("Cannot call the live service: " + e.getMessage());
      return MISSING;
    }
    String region = args.length == 3 ? args[2] : Regions.configuredRegion(env);
    if (region == null) {
      err.println("Cannot call the live service: no region. Pass it as the third argument or set it in "
          + Regions.describeWhere(env) + ".");
      return MISSING;
    }
    RayClusterClient client;
    try {
      client = RayClusterClient.builder().region(region).credentials(credentials).environment(env).build();
    } catch (IllegalStateException e) {
      err.println("Cannot call the live service: " + e.getMessage());
      return MISSING;
    }
    try (client) {
      out.println("GET " + client.endpoint() + " workspace " + args[0] + ", cluster " + args[1]);
      RayCluster cluster = client.getRayCluster(args[0], args[1]);
      ParseDocumentedExample.print(cluster, out);
      return OK;
    } catch (VendorErrorException e) {
      err.println("The service refused the call: " + e.getMessage());
      if (e.recommend() != null) {
        err.println("  see " + e.recommend());
      }
      return CALL_FAILED;
    } catch (RayClusterException e) {
      err.println("The call failed: " + e.getMessage());
      return CALL_FAILED;
    }
  }

  private GetRayClusterLive() {}
}
