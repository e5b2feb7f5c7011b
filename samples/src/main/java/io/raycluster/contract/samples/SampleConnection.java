package io.raycluster.contract.samples;

import io.raycluster.contract.client.RayClusterClient;
import io.raycluster.contract.client.credentials.CredentialsException;
import io.raycluster.contract.client.credentials.CredentialsProvider;
import io.raycluster.contract.client.credentials.CredentialsProviders;
import io.raycluster.contract.client.credentials.Environment;
import io.raycluster.contract.client.credentials.Regions;
import io.raycluster.contract.conformance.replay.ReplaySession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the samples reach a GetRayCluster service: with {@code --replay PATH} first on the command
 * line, an embedded replay server over the recordings at PATH (signed with a throwaway key pair,
 * no account needed); otherwise the live service, with the vendor's credential chain and the
 * region given or configured.
 */
final class SampleConnection implements AutoCloseable {
  /** Something the sample needs is missing; nothing was sent. The message says what. */
  static final class MissingSetup extends Exception {
    private static final long serialVersionUID = 1L;

    MissingSetup(String message) {
      super(message);
    }
  }

  final RayClusterClient client;
  final String description;
  private final ReplaySession server;

  private SampleConnection(RayClusterClient client, ReplaySession server, String description) {
    this.client = client;
    this.server = server;
    this.description = description;
  }

  /**
   * Opens a connection: to a replay server over {@code replay} when it is set, else to the live
   * service in {@code region} (or the configured region when {@code null}).
   */
  static SampleConnection open(Path replay, String region, Environment env) throws MissingSetup {
    if (replay != null) {
      ReplaySession server;
      try {
        server = ReplaySession.start(List.of(replay));
      } catch (ReplaySession.LoadException e) {
        throw new MissingSetup(e.getMessage());
      } catch (IOException e) {
        throw new MissingSetup("Cannot start the replay server: " + e.getMessage());
      }
      RayClusterClient client = RayClusterClient.builder().endpoint(server.baseUrl())
          .credentials(server.credentials()).build();
      return new SampleConnection(client, server, "the replay server at " + server.baseUrl() + " (" + replay + ")");
    }
    CredentialsProvider credentials = CredentialsProviders.defaultChain(env);
    try {
      // Resolve once up front, so that missing credentials are reported before any request.
      credentials.resolveCredentials();
    } catch (CredentialsException e) {
      throw new MissingSetup("Cannot call the live service: " + e.getMessage());
    }
    String regionId = region != null ? region : Regions.configuredRegion(env);
    if (regionId == null) {
      throw new MissingSetup("Cannot call the live service: no region. Pass it on the command line or set it in "
          + Regions.describeWhere(env) + ".");
    }
    try {
      RayClusterClient client =
          RayClusterClient.builder().region(regionId).credentials(credentials).environment(env).build();
      return new SampleConnection(client, null, client.endpoint().toString());
    } catch (IllegalStateException e) {
      throw new MissingSetup("Cannot call the live service: " + e.getMessage());
    }
  }

  /** Splits a leading {@code --replay PATH} off the arguments. */
  static Args parse(String[] args) {
    List<String> rest = new ArrayList<>(List.of(args));
    Path replay = null;
    if (rest.size() >= 2 && rest.get(0).equals("--replay")) {
      replay = Path.of(rest.get(1));
      rest = rest.subList(2, rest.size());
    }
    return new Args(replay, List.copyOf(rest));
  }

  record Args(Path replay, List<String> rest) {
    /** The first argument that looks like an option the sample does not know, or null. */
    String unknownOption() {
      return rest.stream().filter(a -> a.startsWith("--")).findFirst().orElse(null);
    }
  }

  @Override
  public void close() {
    client.close();
    if (server != null) {
      server.close();
    }
  }

}
