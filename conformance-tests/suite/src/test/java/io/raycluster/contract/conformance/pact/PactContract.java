package io.raycluster.contract.conformance.pact;

import java.util.List;

/**
 * What the consumer tests and the provider verification agree on: the pacticipant names, the
 * provider states (each mapped to a recording under {@code src/test/resources/pact/states/}) and
 * the identifiers each state is about. Kept in one place so a renamed state cannot silently
 * leave one side behind.
 */
final class PactContract {
  private PactContract() {}

  static final String CONSUMER = "raycluster-java-client";
  static final String PROVIDER = "emr-serverless-spark";

  static final String WORKSPACE_ID = "w-d2d82aa09155";

  /**
   * One provider state: its name in the pact, a short key (for system properties), the cluster
   * it is about, and its recording.
   */
  record State(String name, String key, String clusterId, String recording) {
    String path() {
      return "/api/v1/workspaces/" + WORKSPACE_ID + "/rayCluster/" + clusterId;
    }
  }

  // State names are constants: the provider test's @State annotations need them at compile time.
  static final String RUNNING_STATE = "a running cluster with a full head spec, worker groups and instances";
  static final String STARTING_STATE = "a starting cluster with no instances yet";
  static final String ERROR_STATE = "a cluster in the Error state after an instance was OOMKilled";
  static final String UNKNOWN_STATE = "no cluster with the requested id exists";
  static final String THROTTLED_STATE = "the caller is being throttled";

  static final State RUNNING = new State(RUNNING_STATE, "running", "ray-k7nm8ahl5te4tg91", "running-cluster.json");
  static final State STARTING = new State(STARTING_STATE, "starting", "ray-q8w2e4r6t8y0u1i3", "starting-cluster.json");
  static final State FAILED = new State(ERROR_STATE, "error", "ray-e5r7t9y1u3i5o7p9", "error-cluster.json");
  static final State UNKNOWN = new State(UNKNOWN_STATE, "unknown", "ray-00000000notfound", "unknown-cluster.har");
  static final State THROTTLED = new State(THROTTLED_STATE, "throttled", "ray-k7nm8ahl5te4tg91", "throttled.har");

  static final List<State> ALL = List.of(RUNNING, STARTING, FAILED, UNKNOWN, THROTTLED);

  /**
   * The path with the identifiers left to the provider state (Pact's provider-state injection):
   * a verification against a real account fills in clusters that exist there.
   */
  static final String PATH_EXPRESSION = "/api/v1/workspaces/${workspaceId}/rayCluster/${clusterId}";

  /** Where the consumer tests write pact files (set by the build as {@code pact.rootDir}). */
  static java.nio.file.Path pactDir() {
    return java.nio.file.Path.of(System.getProperty("pact.rootDir", "target/pacts"));
  }

  /** The pact file the consumer tests write. */
  static java.nio.file.Path pactFile() {
    return pactDir().resolve(CONSUMER + "-" + PROVIDER + ".json");
  }

  /** Placeholder examples written into the pact for values that are secrets on the wire. */
  static final String EXAMPLE_AUTHORIZATION = "ACS3-HMAC-SHA256 Credential=EXAMPLE-ACCESS-KEY-ID,"
      + "SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
      + "Signature=" + "0".repeat(64);
  static final String EXAMPLE_SUBMIT_TOKEN = "<redacted>";
}
