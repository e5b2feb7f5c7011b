package io.raycluster.contract.conformance.pact;

import static io.raycluster.contract.conformance.pact.PactContract.CONSUMER;
import static io.raycluster.contract.conformance.pact.PactContract.EXAMPLE_AUTHORIZATION;
import static io.raycluster.contract.conformance.pact.PactContract.EXAMPLE_SUBMIT_TOKEN;
import static io.raycluster.contract.conformance.pact.PactContract.PATH_EXPRESSION;
import static io.raycluster.contract.conformance.pact.PactContract.PROVIDER;
import static io.raycluster.contract.conformance.pact.PactContract.WORKSPACE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.raycluster.contract.client.NotFoundException;
import io.raycluster.contract.client.RayClusterClient;
import io.raycluster.contract.client.RetryPolicy;
import io.raycluster.contract.client.ThrottlingException;
import io.raycluster.contract.client.credentials.CredentialsProviders;
import io.raycluster.contract.client.generated.model.RayCluster;
import io.raycluster.contract.client.generated.model.RayClusterState;
import io.raycluster.contract.client.generated.model.RayNodeInstance;
import io.raycluster.contract.client.generated.model.WorkerGroupSpec;
import io.raycluster.contract.spec.ApiSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Java client's contract with the service: what {@code raycluster-java-client} sends and
 * relies on for each provider state, written as a Pact (specification V4) to
 * {@code target/pacts/raycluster-java-client-emr-serverless-spark.json}. Each test drives the
 * real client, signing on, against Pact's mock server, which fails the test when the client's
 * request does not match the expected one (including the signing headers, by pattern).
 *
 * <p>Values the service may vary are matched by type or pattern; the example values written into
 * the pact are placeholders. The credentials below are sentinels: {@code PactSecretsTest} scans
 * the pact for them, and for anything that looks like a real signature or token.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class RayClusterClientPactTest {
  /** Sentinel credentials: they sign every request and must never reach the pact file. */
  static final String SENTINEL_KEY_ID = "LTAI-pactSentinelKeyId7Q";
  static final String SENTINEL_SECRET = "pact-sentinel-secret-must-not-leak-9f2b";

  /** The code of the spec's 404 example: the one code a provider may answer for an unknown cluster. */
  private static final String NOT_FOUND_CODE = ApiSpec.bundled().requireOperation("getRayCluster")
      .responseFor(404).orElseThrow().example().path("Code").asText();

  private static final String ACS_DATE = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";
  /** The vendor's Authorization format, whatever the key id, signed headers and signature. */
  private static final String ACS3_AUTHORIZATION = "ACS3-HMAC-SHA256 Credential=[^,\\s]+,"
      + "SignedHeaders=[a-z0-9;.\\-]*host[a-z0-9;.\\-]*,Signature=[0-9a-f]{64}";

  // ---------------------------------------------------------------- interactions

  @Pact(consumer = CONSUMER)
  V4Pact runningCluster(PactDslWithProvider builder) {
    PactDslJsonBody body = clusterCore(PactContract.RUNNING, "Running");
    body.object("headSpec")
          .stringType("queueName", "root_queue")
          .stringType("cpu", "2")
          .stringType("memory", "8Gi")
          .booleanType("enableAutoScaling", true)
          .integerType("idleTimeoutSeconds", 60)
          .integerType("replica", 1)
          .stringType("gpuSpec", "ecs.gn6i-c4g1.xlarge")
        .closeObject();
    body.minArrayLike("workerSpec", 1)
          .stringType("groupName", "WorkerGroup1")
          .stringType("workerType", "CPU")
          .integerType("replica", 2)
          .stringType("queueName", "root_queue")
          .stringType("cpu", "2")
          .stringType("memory", "8Gi")
          .integerType("minReplica", 1)
          .integerType("maxReplica", 10)
        .closeArray();
    body.minArrayLike("instances", 1)
          .stringType("type", "Head")
          .stringType("instanceId", "ray-k7nm8ahl5te4tg91-head-7cgta")
          .stringType("phase", "Running")
          .stringType("containerState", "Running")
          .integerType("startTime", 1762946698000L)
          .integerType("createTime", 1762946690000L)
        .closeArray();
    body.stringMatcher("dashboardUrl", "https?://\\S+",
        "https://emr-ray-gateway-cn-hangzhou.aliyuncs.com/workspace/" + WORKSPACE_ID
            + "/raycluster/ray-k7nm8ahl5te4tg91/dashboard?token=%3Credacted%3E");
    body.stringMatcher("jobUrl", "https?://\\S+", "https://emr-spark-ray-gateway-cn-hangzhou.aliyuncs.com");
    body.stringMatcher("grpcEndpoint", "ray://\\S+",
        "ray://emr-spark-ray-gateway-cn-hangzhou-internal.emr.aliyuncs.com:80");
    body.stringType("submitToken", EXAMPLE_SUBMIT_TOKEN);
    body.integerType("startTime", 1750327083303L);
    return signedRequest(builder.given(PactContract.RUNNING.name(), ids(PactContract.RUNNING))
            .uponReceiving("GetRayCluster for a running cluster"), PactContract.RUNNING)
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", "application/json.*", "application/json;charset=utf-8")
        .body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "runningCluster")
  void getRayCluster_whenRunning_readsHeadSpecWorkerGroupsAndInstances(MockServer server) {
    try (RayClusterClient client = client(server, RetryPolicy.none())) {
      RayCluster cluster = client.getRayCluster(WORKSPACE_ID, PactContract.RUNNING.clusterId());
      assertEquals(RayClusterState.RUNNING, cluster.getState());
      assertEquals(PactContract.RUNNING.clusterId(), cluster.getClusterId());
      assertEquals("8Gi", cluster.getHeadSpec().getMemory());
      assertEquals(60, cluster.getHeadSpec().getIdleTimeoutSeconds());
      WorkerGroupSpec group = cluster.getWorkerSpec().get(0);
      assertEquals(10, group.getMaxReplica());
      RayNodeInstance head = cluster.getInstances().get(0);
      assertEquals("Head", head.getType());
      assertEquals(1762946698000L, head.getStartTime());
      assertTrue(cluster.getDashboardUrl().startsWith("https://"));
      assertNotNull(cluster.getSubmitToken());
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact startingCluster(PactDslWithProvider builder) {
    PactDslJsonBody body = clusterCore(PactContract.STARTING, "Starting");
    body.object("headSpec")
          .stringType("cpu", "4")
          .stringType("memory", "16Gi")
          .integerType("replica", 1)
        .closeObject();
    body.minArrayLike("workerSpec", 1)
          .stringType("groupName", "cpu-workers")
          .integerType("replica", 2)
        .closeArray();
    // No node is up yet: an array that may hold no element, and holds none in this state.
    body.maxArrayLike("instances", 0, 0);
    body.integerType("createTime", 1763971200000L);
    return signedRequest(builder.given(PactContract.STARTING.name(), ids(PactContract.STARTING))
            .uponReceiving("GetRayCluster for a starting cluster"), PactContract.STARTING)
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", "application/json.*", "application/json;charset=utf-8")
        .body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "startingCluster")
  void getRayCluster_whenStarting_hasWorkerGroupsAndNoInstances(MockServer server) {
    try (RayClusterClient client = client(server, RetryPolicy.none())) {
      RayCluster cluster = client.getRayCluster(WORKSPACE_ID, PactContract.STARTING.clusterId());
      assertEquals(RayClusterState.STARTING, cluster.getState());
      assertTrue(cluster.getInstances().isEmpty(), "no instances while starting");
      assertEquals(2, cluster.getWorkerSpec().get(0).getReplica());
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact errorCluster(PactDslWithProvider builder) {
    PactDslJsonBody body = clusterCore(PactContract.FAILED, "Error");
    body.stringType("message", "The head node was killed: out of memory.");
    body.minArrayLike("instances", 1)
          .stringType("type", "Head")
          .stringType("instanceId", "ray-e5r7t9y1u3i5o7p9-head-2kq8d")
          .stringType("phase", "Failed")
          .stringType("containerState", "Terminated")
          .stringMatcher("reason", "OOMKilled", "OOMKilled")
          .integerMatching("containerExitCode", "137", 137)
        .closeArray();
    return signedRequest(builder.given(PactContract.FAILED.name(), ids(PactContract.FAILED))
            .uponReceiving("GetRayCluster for a cluster in the Error state"), PactContract.FAILED)
        .willRespondWith()
        .status(200)
        .matchHeader("Content-Type", "application/json.*", "application/json;charset=utf-8")
        .body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "errorCluster")
  void getRayCluster_whenInError_exposesMessageAndTheOomKilledInstance(MockServer server) {
    try (RayClusterClient client = client(server, RetryPolicy.none())) {
      RayCluster cluster = client.getRayCluster(WORKSPACE_ID, PactContract.FAILED.clusterId());
      assertEquals(RayClusterState.ERROR, cluster.getState());
      assertTrue(cluster.getMessage().contains("memory"), cluster.getMessage());
      RayNodeInstance killed = cluster.getInstances().get(0);
      assertEquals("OOMKilled", killed.getReason());
      assertEquals(137, killed.getContainerExitCode());
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact unknownCluster(PactDslWithProvider builder) {
    return signedRequest(builder.given(PactContract.UNKNOWN.name(), ids(PactContract.UNKNOWN))
            .uponReceiving("GetRayCluster for a cluster that does not exist"), PactContract.UNKNOWN)
        .willRespondWith()
        .status(404)
        .matchHeader("Content-Type", "application/json.*", "application/json;charset=utf-8")
        .body(vendorError("The Ray cluster ray-00000000notfound does not exist in workspace "
            + WORKSPACE_ID + ".")
            // Pinned: a provider answering 404 with another code (InvalidAccessKeyId.NotFound) fails.
            .stringMatcher("Code", Pattern.quote(NOT_FOUND_CODE), NOT_FOUND_CODE))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "unknownCluster")
  void getRayCluster_whenClusterUnknown_throwsNotFoundWithTheVendorFields(MockServer server) {
    try (RayClusterClient client = client(server, RetryPolicy.none())) {
      NotFoundException e = assertThrows(NotFoundException.class,
          () -> client.getRayCluster(WORKSPACE_ID, PactContract.UNKNOWN.clusterId()));
      assertEquals(404, e.httpStatus());
      assertEquals(NOT_FOUND_CODE, e.code());
      assertNotNull(e.requestId());
    }
  }

  @Pact(consumer = CONSUMER)
  V4Pact throttled(PactDslWithProvider builder) {
    PactDslJsonBody body = vendorError("Request was denied due to user flow control.");
    // Any of the vendor's throttling codes: Throttling, Throttling.User, Throttling.Api, ...
    body.stringMatcher("Code", "Throttling(\\.[A-Za-z]+)?", "Throttling.User");
    return signedRequest(builder.given(PactContract.THROTTLED.name(), ids(PactContract.THROTTLED))
            .uponReceiving("GetRayCluster while the caller is throttled"), PactContract.THROTTLED)
        .willRespondWith()
        .status(400)
        .matchHeader("Content-Type", "application/json.*", "application/json;charset=utf-8")
        .body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "throttled")
  void getRayCluster_whenThrottled_retriesThenThrowsThrottling(MockServer server) {
    List<Duration> waits = new CopyOnWriteArrayList<>();
    RetryPolicy threeAttempts = RetryPolicy.builder()
        .maxAttempts(3)
        .sleeper(waits::add)
        .build();
    try (RayClusterClient client = client(server, threeAttempts)) {
      ThrottlingException e = assertThrows(ThrottlingException.class,
          () -> client.getRayCluster(WORKSPACE_ID, PactContract.THROTTLED.clusterId()));
      assertEquals(400, e.httpStatus());
      assertTrue(e.code().startsWith("Throttling"), e.code());
      assertEquals(2, waits.size(), "three attempts, two waits: " + waits);
    }
  }

  // ---------------------------------------------------------------- helpers

  private static RayClusterClient client(MockServer server, RetryPolicy retries) {
    return RayClusterClient.builder()
        .endpoint(server.getUrl())
        .credentials(CredentialsProviders.of(SENTINEL_KEY_ID, SENTINEL_SECRET))
        .retryPolicy(retries)
        .readTimeout(Duration.ofSeconds(10))
        .build();
  }

  private static java.util.Map<String, Object> ids(PactContract.State state) {
    return java.util.Map.of("workspaceId", WORKSPACE_ID, "clusterId", state.clusterId());
  }

  /**
   * The request every interaction expects: GET of the operation's path (the identifiers come
   * from the provider state) with every header of the ACS3-HMAC-SHA256 signature, each required
   * and matched by pattern, so any correctly signed request matches and no real value is pinned.
   */
  private static PactDslRequestWithPath signedRequest(
      au.com.dius.pact.consumer.dsl.PactDslRequestWithoutPath request, PactContract.State state) {
    return request
        .method("GET")
        .pathFromProviderState(PATH_EXPRESSION, state.path())
        .matchHeader("host", "[A-Za-z0-9.\\-\\[\\]:]+", "emr-serverless-spark.cn-hangzhou.aliyuncs.com")
        .matchHeader("x-acs-action", "GetRayCluster", "GetRayCluster")
        .matchHeader("x-acs-version", "2023-08-08", "2023-08-08")
        .matchHeader("x-acs-date", ACS_DATE, "2026-01-01T00:00:00Z")
        .matchHeader("x-acs-signature-nonce", "[\\x21-\\x7e]{8,128}", "00000000000000000000000000000000")
        .matchHeader("x-acs-content-sha256", "[0-9a-f]{64}",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        .matchHeader("Authorization", ACS3_AUTHORIZATION, EXAMPLE_AUTHORIZATION);
  }

  /** The fields of a cluster the client always relies on, and the state by pattern. */
  private static PactDslJsonBody clusterCore(PactContract.State state, String stateValue) {
    PactDslJsonBody body = new PactDslJsonBody()
        .stringType("requestId", "DD6B1B2A-5837-5237-ABE4-FF0C8944")
        .stringType("clusterId", state.clusterId())
        .stringType("name", "myRayCluster")
        .stringType("displayReleaseVersion", "ray-1.0.0 (Ray 2.47.1, Python 3.12)")
        .stringMatcher("state", stateValue, stateValue);
    return body;
  }

  /** The vendor's common error body (PascalCase, as the gateway writes it); the caller adds Code. */
  private static PactDslJsonBody vendorError(String message) {
    return new PactDslJsonBody()
        .stringType("RequestId", "6BE56E05-0000-4000-8000-000000000000")
        .stringType("HostId", "emr-serverless-spark.cn-hangzhou.aliyuncs.com")
        .stringType("Message", message);
  }
}
