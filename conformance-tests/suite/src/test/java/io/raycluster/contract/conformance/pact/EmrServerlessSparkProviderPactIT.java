package io.raycluster.contract.conformance.pact;

import static org.junit.jupiter.api.Assertions.assertTrue;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.HttpsTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import io.raycluster.contract.client.credentials.CredentialsProvider;
import io.raycluster.contract.client.credentials.CredentialsProviders;
import io.raycluster.contract.conformance.ResponseValidator;
import io.raycluster.contract.conformance.replay.RecordingLoader;
import io.raycluster.contract.conformance.replay.ReplayRecordings;
import io.raycluster.contract.conformance.replay.ReplayServer;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import au.com.dius.pact.core.model.ProviderState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies the consumer's pact files (written by {@link RayClusterClientPactTest} earlier in the
 * same build) against the provider. By default the provider is the replay server, started
 * in-process for each interaction with only the recording of that interaction's provider state
 * ({@code src/test/resources/pact/states/}); it checks every signature, date and nonce as the
 * service's gateway does, so each replayed request is signed with the client's signer first.
 *
 * <p>Against a real endpoint (see the README, "Contract tests with Pact"): set
 * {@code raycluster.pact.endpoint} to the service URL; requests are then signed with the
 * default credential chain, and the states take their identifiers from
 * {@code raycluster.pact.workspaceId} and {@code raycluster.pact.<state>.clusterId}
 * ({@code running}, {@code starting}, {@code error}, {@code unknown}, {@code throttled}); only
 * the states listed in {@code raycluster.pact.states} are verified (default: all but
 * {@code throttled}), the others are skipped.
 */
@Provider(PactContract.PROVIDER)
@PactFolder("target/pacts")
class EmrServerlessSparkProviderPactIT {
  private static final String KEY_ID = "replay-pact-key-id";
  private static final String KEY_SECRET = "replay-pact-key-secret";
  private static final Path STATES = Path.of("src/test/resources/pact/states");
  /** What the replay server (like the gateway) answers before a request reaches a recording. */
  private static final java.util.Set<String> GATEWAY_CODES = java.util.Set.of("IncompleteSignature",
      "SignatureDoesNotMatch", "InvalidAccessKeyId.NotFound", "InvalidTimeStamp.Expired",
      "SignatureNonceUsed", "InvalidSignatureNonce", "MissingParameter", "InvalidAction.NotFound", "InvalidVersion",
      "InvalidParameter", "InternalError", "ServiceUnavailable", "MalformedRequest", "RequestURITooLong",
      "RequestHeaderFieldsTooLarge", "RequestTimeout");

  private final String realEndpoint = System.getProperty("raycluster.pact.endpoint", "").trim();
  private final List<String> serverLog = new CopyOnWriteArrayList<>();
  private ReplayServer server;
  private ReplayRecordings recordings;
  private ReplayedRequestSigner signer;
  private String baseUrl;

  @BeforeEach
  void startProvider(PactVerificationContext context) throws IOException, URISyntaxException {
    CredentialsProvider credentials;
    if (realEndpoint.isEmpty()) {
      recordings = recordingsFor(context.getInteraction().getProviderStates());
      server = ReplayServer.builder()
          .credential(KEY_ID, KEY_SECRET)
          .recordings(recordings)
          .log(serverLog::add)
          .start();
      baseUrl = server.baseUrl();
      context.setTarget(new HttpTestTarget("127.0.0.1", server.port()));
      credentials = CredentialsProviders.of(KEY_ID, KEY_SECRET);
    } else {
      baseUrl = realEndpoint;
      URI uri = new URI(realEndpoint);
      boolean https = "https".equalsIgnoreCase(uri.getScheme());
      int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
      context.setTarget(https ? new HttpsTestTarget(uri.getHost(), port) : new HttpTestTarget(uri.getHost(), port));
      credentials = CredentialsProviders.defaultChain();
    }
    signer = new ReplayedRequestSigner(credentials);
  }

  @AfterEach
  void stopProvider() {
    if (server != null) {
      server.close();
    }
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void interaction_isHonouredByTheProvider(PactVerificationContext context, HttpRequest request)
      throws IOException {
    if (server == null) {
      // A real account cannot be put in every state on demand (throttling, for one): verify
      // only the states named in raycluster.pact.states.
      List<String> wanted = List.of(System.getProperty("raycluster.pact.states",
          "running,starting,error,unknown").split("\\s*,\\s*"));
      for (ProviderState s : context.getInteraction().getProviderStates()) {
        PactContract.State state = PactContract.ALL.stream().filter(k -> k.name().equals(s.getName()))
            .findFirst().orElseThrow(() -> new IllegalStateException(
                "the pact has a provider state this test does not know: " + s.getName()));
        Assumptions.assumeTrue(wanted.contains(state.key()), "provider state \"" + state.key()
            + "\" is not in raycluster.pact.states " + wanted);
      }
    }
    signer.sign(request, baseUrl);
    context.verifyInteraction();
    if (server != null) {
      // The server logs a request after its response is sent: wait for the line.
      long deadline = System.nanoTime() + 2_000_000_000L;
      while (serverLog.isEmpty() && System.nanoTime() < deadline) {
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      // Every request reached the recordings: none was refused by the gateway checks (a wrong
      // signature, an unknown key id, a stale date, a reused nonce, a missing header), whose
      // error bodies could otherwise satisfy a pact that matches error fields by type.
      for (String line : serverLog) {
        for (String word : line.split("\\s+")) {
          assertTrue(!GATEWAY_CODES.contains(word), "the replay server refused the request: " + line);
        }
      }
      assertTrue(!serverLog.isEmpty(), "the replay server was called");
    }
  }

  // ---------------------------------------------------------------- provider states

  @State(PactContract.RUNNING_STATE)
  Map<String, Object> runningCluster() {
    return arrange(PactContract.RUNNING);
  }

  @State(PactContract.STARTING_STATE)
  Map<String, Object> startingCluster() {
    return arrange(PactContract.STARTING);
  }

  @State(PactContract.ERROR_STATE)
  Map<String, Object> errorCluster() {
    return arrange(PactContract.FAILED);
  }

  @State(PactContract.UNKNOWN_STATE)
  Map<String, Object> unknownCluster() {
    return arrange(PactContract.UNKNOWN);
  }

  @State(PactContract.THROTTLED_STATE)
  Map<String, Object> throttled() {
    return arrange(PactContract.THROTTLED);
  }

  /**
   * Returns the identifiers the pact's path is built from (Pact's provider-state injection):
   * against the replay server those of the state's recording, against a real endpoint the
   * configured ones.
   */
  private Map<String, Object> arrange(PactContract.State state) {
    if (server == null) {
      return Map.of(
          "workspaceId", System.getProperty("raycluster.pact.workspaceId", PactContract.WORKSPACE_ID),
          "clusterId", System.getProperty("raycluster.pact." + state.key() + ".clusterId", state.clusterId()));
    }
    assertTrue(recordings.size() > 0, "the recording of \"" + state.name() + "\" was loaded");
    return Map.of("workspaceId", PactContract.WORKSPACE_ID, "clusterId", state.clusterId());
  }

  /**
   * The recordings of the interaction's provider states, and nothing else: an interaction sees
   * only what its own state put there. (The server's recordings are fixed when it starts, and
   * the target must be known before Pact runs the state handlers, so they are loaded here.)
   */
  private static ReplayRecordings recordingsFor(List<ProviderState> states) {
    List<Path> files = new ArrayList<>();
    for (ProviderState s : states) {
      PactContract.ALL.stream().filter(known -> known.name().equals(s.getName())).findFirst()
          .ifPresent(known -> files.add(STATES.resolve(known.recording())));
    }
    RecordingLoader.Result loaded = new RecordingLoader(ResponseValidator.fromSpec()).load(files);
    if (!loaded.ok()) {
      throw new IllegalStateException("The recordings of the provider states " + files
          + " did not load: " + loaded.problems());
    }
    return loaded.recordings();
  }
}
