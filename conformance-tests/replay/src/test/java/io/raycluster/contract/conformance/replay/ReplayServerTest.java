package io.raycluster.contract.conformance.replay;

import static io.raycluster.contract.conformance.replay.Fixtures.CLUSTER;
import static io.raycluster.contract.conformance.replay.Fixtures.KEY_ID;
import static io.raycluster.contract.conformance.replay.Fixtures.SECRET;
import static io.raycluster.contract.conformance.replay.Fixtures.WORKSPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.raycluster.contract.client.AuthenticationException;
import io.raycluster.contract.client.NotFoundException;
import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.client.RayClusterClient;
import io.raycluster.contract.client.RetryPolicy;
import io.raycluster.contract.client.VendorErrorException;
import io.raycluster.contract.client.credentials.CredentialsProviders;
import io.raycluster.contract.client.generated.model.RayCluster;
import io.raycluster.contract.client.generated.model.RayClusterState;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** End to end: the generated client with signing against the replay server, over loopback. */
class ReplayServerTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
  private ReplayServer server;
  private RayClusterClient client;
  private final OkHttpClient raw = new OkHttpClient();

  @BeforeEach
  void start() throws IOException {
    server = ReplayServer.builder()
        .credential(KEY_ID, SECRET)
        .recordings(new ReplayRecordings().addBody(Fixtures.exampleBytes()))
        .log(log::add)
        .start();
    client = clientWith(KEY_ID, SECRET, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private RayClusterClient clientWith(String keyId, String secret, Clock clock) {
    return RayClusterClient.builder()
        .endpoint(server.baseUrl())
        .credentials(CredentialsProviders.of(keyId, secret))
        .retryPolicy(RetryPolicy.none())
        .clock(clock)
        .build();
  }

  private HttpUrl clusterUrl(String clusterId) {
    return HttpUrl.get(server.baseUrl()).newBuilder()
        .addPathSegments("api/v1/workspaces").addPathSegment(WORKSPACE)
        .addPathSegment("rayCluster").addPathSegment(clusterId).build();
  }

  private JsonNode call(Request request, int expectedStatus) throws IOException {
    try (Response response = raw.newCall(request).execute()) {
      String body = response.body().string();
      assertEquals(expectedStatus, response.code(), body);
      JsonNode json = MAPPER.readTree(body);
      assertNotNull(response.header("x-acs-request-id"));
      return json;
    }
  }

  private String codeOf(Request request, int expectedStatus) throws IOException {
    JsonNode error = call(request, expectedStatus);
    for (String field : List.of("RequestId", "HostId", "Code", "Message", "Recommend")) {
      assertTrue(error.hasNonNull(field), field + " in " + error);
    }
    return error.get("Code").asText();
  }

  @Test
  void signedRequest_isAnsweredFromTheRecording() throws Exception {
    RayCluster cluster = client.getRayCluster(WORKSPACE, CLUSTER);

    assertEquals(CLUSTER, cluster.getClusterId());
    assertEquals(RayClusterState.RUNNING, cluster.getState());
  }

  @Test
  void signedRequest_bodyIsReplayedByteForByte() throws Exception {
    Request request = client.getRayClusterRequest(WORKSPACE, CLUSTER);
    try (Response response = client.httpClient().newCall(request).execute()) {
      assertEquals(200, response.code());
      assertEquals(new String(Fixtures.exampleBytes(), "UTF-8"), response.body().string());
    }
  }

  @Test
  void unknownCluster_isNotFoundWithTheDocumentedCode() {
    NotFoundException e = assertThrows(NotFoundException.class,
        () -> client.getRayCluster(WORKSPACE, "ray-does-not-exist"));

    assertEquals(404, e.httpStatus());
    // The code the spec documents for GetRayCluster's 404 (its example), whatever it is.
    assertEquals(ApiSpec.bundled().requireOperation("getRayCluster").responses().get("404").example()
        .get("Code").asText(), e.code());
    assertNotNull(e.requestId());
  }

  @Test
  void noAuthorization_isIncompleteSignature() throws Exception {
    Request unsigned = new Request.Builder().url(clusterUrl(CLUSTER)).build();
    assertEquals("IncompleteSignature", codeOf(unsigned, 400));
  }

  @Test
  void malformedAuthorization_isIncompleteSignature() throws Exception {
    Request request = new Request.Builder().url(clusterUrl(CLUSTER))
        .header("Authorization", "Bearer abc").build();
    assertEquals("IncompleteSignature", codeOf(request, 400));
    Request noSignature = new Request.Builder().url(clusterUrl(CLUSTER))
        .header("Authorization", "ACS3-HMAC-SHA256 Credential=k,SignedHeaders=host").build();
    assertEquals("IncompleteSignature", codeOf(noSignature, 400));
  }

  @Test
  void missingAcsHeader_isMissingParameterNamingIt() throws Exception {
    Map<String, String> headers = Fixtures.acsHeaders(clusterUrl(CLUSTER), Instant.now());
    headers.remove("x-acs-signature-nonce");

    JsonNode error = call(Fixtures.signedGet(clusterUrl(CLUSTER), headers, KEY_ID, SECRET), 400);

    assertEquals("MissingParameter", error.get("Code").asText());
    assertTrue(error.get("Message").asText().contains("x-acs-signature-nonce"), error.toString());
  }

  @Test
  void unknownAccessKeyId_isInvalidAccessKeyIdNotFound() {
    try (RayClusterClient stranger = clientWith("someone-else", SECRET, Clock.systemUTC())) {
      AuthenticationException e = assertThrows(AuthenticationException.class,
          () -> stranger.getRayCluster(WORKSPACE, CLUSTER));
      assertEquals("InvalidAccessKeyId.NotFound", e.code());
      assertEquals(404, e.httpStatus());
    }
  }

  @Test
  void wrongSecret_isSignatureDoesNotMatch() {
    try (RayClusterClient wrong = clientWith(KEY_ID, "not-the-secret", Clock.systemUTC())) {
      AuthenticationException e = assertThrows(AuthenticationException.class,
          () -> wrong.getRayCluster(WORKSPACE, CLUSTER));
      assertEquals("SignatureDoesNotMatch", e.code());
    }
  }

  @Test
  void tamperedHeaderAfterSigning_isSignatureDoesNotMatch() throws Exception {
    Request signed = Fixtures.signedGet(clusterUrl(CLUSTER),
        Fixtures.acsHeaders(clusterUrl(CLUSTER), Instant.now()), KEY_ID, SECRET);
    Request tampered = signed.newBuilder().url(clusterUrl("ray-other")).build();
    assertEquals("SignatureDoesNotMatch", codeOf(tampered, 400));
  }

  @Test
  void dateSixteenMinutesOff_isInvalidTimeStampExpired() {
    Clock late = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-16));
    try (RayClusterClient slow = clientWith(KEY_ID, SECRET, late)) {
      AuthenticationException e = assertThrows(AuthenticationException.class,
          () -> slow.getRayCluster(WORKSPACE, CLUSTER));
      assertEquals("InvalidTimeStamp.Expired", e.code());
    }
  }

  @Test
  void dateFourteenMinutesOff_isAccepted() {
    Clock early = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(14));
    try (RayClusterClient skewed = clientWith(KEY_ID, SECRET, early)) {
      assertEquals(CLUSTER, skewed.getRayCluster(WORKSPACE, CLUSTER).getClusterId());
    }
  }

  @Test
  void reusedNonce_isSignatureNonceUsed() throws Exception {
    Map<String, String> headers = Fixtures.acsHeaders(clusterUrl(CLUSTER), Instant.now());
    Request request = Fixtures.signedGet(clusterUrl(CLUSTER), headers, KEY_ID, SECRET);

    call(request, 200);
    assertEquals("SignatureNonceUsed", codeOf(request, 400));
  }

  @Test
  void wrongAction_isInvalidActionNotFound() throws Exception {
    Map<String, String> headers = Fixtures.acsHeaders(clusterUrl(CLUSTER), Instant.now());
    headers.put("x-acs-action", "DeleteRayCluster");
    assertEquals(ReplayServer.NO_SUCH_API,
        codeOf(Fixtures.signedGet(clusterUrl(CLUSTER), headers, KEY_ID, SECRET), 404));
  }

  @Test
  void wrongVersion_isInvalidVersion() throws Exception {
    Map<String, String> headers = Fixtures.acsHeaders(clusterUrl(CLUSTER), Instant.now());
    headers.put("x-acs-version", "2020-01-01");
    assertEquals("InvalidVersion",
        codeOf(Fixtures.signedGet(clusterUrl(CLUSTER), headers, KEY_ID, SECRET), 400));
  }

  @Test
  void otherPathOrMethod_is404() throws Exception {
    HttpUrl base = HttpUrl.get(server.baseUrl());
    assertEquals(ReplayServer.NO_SUCH_API,
        codeOf(new Request.Builder().url(base.resolve("/api/v1/workspaces/w/rayClusters")).build(), 404));
    assertEquals(ReplayServer.NO_SUCH_API,
        codeOf(new Request.Builder().url(base.resolve("/")).build(), 404));
    assertEquals(ReplayServer.NO_SUCH_API, codeOf(new Request.Builder().url(clusterUrl(CLUSTER))
        .post(RequestBody.create(new byte[0])).build(), 404));
  }

  @Test
  void badRequests_leaveTheServerUp() throws Exception {
    for (int i = 0; i < 5; i++) {
      codeOf(new Request.Builder().url(clusterUrl(CLUSTER)).header("Authorization", "x").build(), 400);
    }
    assertEquals(CLUSTER, client.getRayCluster(WORKSPACE, CLUSTER).getClusterId());
  }

  @Test
  void log_hasOneLinePerRequestAndNoSecret() throws Exception {
    client.getRayCluster(WORKSPACE, CLUSTER);
    assertThrows(VendorErrorException.class, () -> client.getRayCluster(WORKSPACE, "ray-missing"));

    List<String> lines = waitForLines(2);
    // A line is written once its answer has gone out: the two may land in either order.
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.contains(
        "GET /api/v1/workspaces/" + WORKSPACE + "/rayCluster/" + CLUSTER + " 200 - ")), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.contains(" 404 RayCluster.NotFound ")), lines.toString());
    for (String line : lines) {
      assertFalse(line.contains(SECRET) || line.contains("Signature=") || line.contains(KEY_ID), line);
    }
  }

  @Test
  void harSequence_isReplayedInOrderAndTheLastRepeats() throws Exception {
    for (String state : List.of("Starting", "Running")) {
      server.recordings().addExchange("GET", Fixtures.path(WORKSPACE, "ray-seq"), null,
          RecordedResponse.okJson(Fixtures.bytes(Fixtures.exampleWith("ray-seq", state))));
    }
    assertEquals(RayClusterState.STARTING, client.getRayCluster(WORKSPACE, "ray-seq").getState());
    assertEquals(RayClusterState.RUNNING, client.getRayCluster(WORKSPACE, "ray-seq").getState());
    assertEquals(RayClusterState.RUNNING, client.getRayCluster(WORKSPACE, "ray-seq").getState());
  }

  @Test
  void recordedErrorExchange_isReplayedWithItsStatusAndHeaders_andLogsItsCode() throws Exception {
    server.recordings().addExchange("GET", Fixtures.path(WORKSPACE, "ray-throttled"), null,
        new RecordedResponse(400, List.of(Map.entry("Content-Type", "application/json"),
            Map.entry("x-ratelimit-user", "Limit:1,Remain:0,TimeLeft:5")),
            "{\"Code\":\"Throttling.User\",\"Message\":\"slow down\",\"RequestId\":\"R-1\"}".getBytes()));

    VendorErrorException e = assertThrows(VendorErrorException.class,
        () -> client.getRayCluster(WORKSPACE, "ray-throttled"));

    assertEquals("Throttling.User", e.code());
    assertEquals("Limit:1,Remain:0,TimeLeft:5", e.headers().get("x-ratelimit-user"));
    assertTrue(waitForLines(1).stream().anyMatch(l -> l.contains(" 400 Throttling.User ")), log.toString());
  }

  @Test
  void idsWithReservedCharacters_roundTripThroughSigningAndRouting() throws Exception {
    String odd = "ray a*b~c/d é";
    server.recordings().addExchange("GET", Fixtures.path("w 1", odd), null,
        RecordedResponse.okJson(Fixtures.bytes(Fixtures.exampleWith(odd, "Running"))));

    assertEquals(odd, client.getRayCluster("w 1", odd).getClusterId());
  }

  @Test
  void sixtyFourConcurrentClients_thousandCalls_allAnsweredWithoutNonceFalsePositives()
      throws Exception {
    int clients = 64;
    int calls = 1000;
    List<RayClusterClient> pool = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      pool.add(clientWith(KEY_ID, SECRET, Clock.systemUTC()));
    }
    ExecutorService executor = Executors.newFixedThreadPool(clients);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        RayClusterClient c = pool.get(i % clients);
        results.add(executor.submit(() -> c.getRayCluster(WORKSPACE, CLUSTER).getClusterId()));
      }
      int ok = 0;
      for (Future<String> f : results) {
        assertEquals(CLUSTER, f.get(60, TimeUnit.SECONDS));
        ok++;
      }
      assertEquals(calls, ok);
    } finally {
      executor.shutdownNow();
      pool.forEach(RayClusterClient::close);
    }
  }

  @Test
  void builderWithoutCredentials_isRefused() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ReplayServer.builder().start());
    assertTrue(e.getMessage().contains("credential"), e.getMessage());
  }

  private List<String> waitForLines(int n) throws InterruptedException {
    // The log line is written after the response is sent, so it can trail the client by a moment.
    for (int i = 0; i < 1000 && log.size() < n; i++) {
      Thread.sleep(10);
    }
    return new ArrayList<>(log);
  }

  @SuppressWarnings("unused")
  private static Clock fixed(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }
}
