package io.raycluster.contract.samples;

import io.raycluster.contract.client.RayClusterException;
import io.raycluster.contract.client.VendorErrorException;
import io.raycluster.contract.client.credentials.Environment;
import io.raycluster.contract.client.generated.model.RayCluster;
import io.raycluster.contract.client.ClusterSummary;
import java.io.PrintStream;

/**
 * Reads one Ray cluster and prints a summary of it.
 *
 * <pre>
 * GetClusterSummary [--replay PATH] &lt;workspaceId&gt; &lt;clusterId&gt; [region]
 * </pre>
 *
 * <p>With {@code --replay PATH} it calls an embedded replay server over the recordings at PATH;
 * otherwise the live service with the vendor's credential chain, in the region given as the third
 * argument, else {@code ALIBABA_CLOUD_REGION_ID}, else the CLI profile's {@code region_id}.
 * Exit codes: 0 the cluster was read; 1 the service or the network failed; 2 something is
 * missing (arguments, credentials, region, recordings) and nothing was sent.
 */
public final class GetClusterSummary {
  static final int OK = 0;
  static final int CALL_FAILED = 1;
  static final int MISSING = 2;

  public static void main(String[] args) {
    System.exit(run(args, Environment.system(), System.out, System.err));
  }

  static int run(String[] argv, Environment env, PrintStream out, PrintStream err) {
    SampleConnection.Args args = SampleConnection.parse(argv);
    if (args.unknownOption() != null || args.rest().size() < 2 || args.rest().size() > 3) {
      if (args.unknownOption() != null) {
        err.println("Unknown option " + args.unknownOption() + " (only --replay PATH, first)");
      }
      err.println("Usage: GetClusterSummary [--replay PATH] <workspaceId> <clusterId> [region]");
      err.println("  for example: GetClusterSummary --replay samples/recordings w-d2d82aa09155 ray-k7nm8ahl5te4tg91");
      return MISSING;
    }
    String region = args.rest().size() == 3 ? args.rest().get(2) : null;
    try (SampleConnection connection = SampleConnection.open(args.replay(), region, env)) {
      out.println("GetRayCluster " + args.rest().get(0) + "/" + args.rest().get(1) + " from " + connection.description);
      RayCluster cluster = connection.client.getRayCluster(args.rest().get(0), args.rest().get(1));
      ClusterSummary.print(cluster, out);
      return OK;
    } catch (SampleConnection.MissingSetup e) {
      err.println(e.getMessage());
      return MISSING;
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

  private GetClusterSummary() {}
}
