package io.raycluster.contract.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raycluster.contract.client.auth.AcsAuthorization;
import io.raycluster.contract.client.credentials.Credentials;
import io.raycluster.contract.client.credentials.CredentialsException;
import io.raycluster.contract.client.credentials.CredentialsProviders;
import io.raycluster.contract.spec.SpecFixtures;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import retrofit2.Call;
import retrofit2.Retrofit;
import retrofit2.http.GET;
import retrofit2.http.Path;

class SigningInterceptorTest {
  private static final String ID = "LTAI-tTestKeyId0001";
  private static final String SECRET = "test-secret-do-not-print";
  private static final String TOKEN = "sts-token-do-not-print";

  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private RayClusterClient client(Credentials credentials) {
    return RayClusterClient.builder()
        .endpoint(server.url("/"))
        .credentials(CredentialsProviders.of(credentials))
        .clock(TestClocks.stepping(Instant.parse("2026-11-25T20:00:00.123Z"), Duration.ofSeconds(1)))
        .nonces(TestClocks.countingNonces())
        .retryPolicy(RetryPolicy.none())
        .readTimeout(Duration.ofSeconds(5))
        .build();
  }

  private RecordedRequest call(RayClusterClient client, String workspaceId, String clusterId) throws Exception {
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
        .setBody(DocumentedExample.json()));
    try (client) {
      client.getRayCluster(workspaceId, clusterId);
    }
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  @Test
  void getRayCluster_sendsEveryDocumentedSignedHeader() throws Exception {
    RecordedRequest r = call(client(Credentials.of(ID, SECRET)), "w-d2d82aa09155", "ray-k7nm8ahl5te4tg91");
    assertEquals("GetRayCluster", r.getHeader("x-acs-action"));
    assertEquals("2023-08-08", r.getHeader("x-acs-version"));
    assertEquals("2026-11-25T20:00:00Z", r.getHeader("x-acs-date"));
    assertEquals("nonce-1", r.getHeader("x-acs-signature-nonce"));
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        r.getHeader("x-acs-content-sha256"));
    assertEquals(server.getHostName() + ":" + server.getPort(), r.getHeader("Host"));
    AcsAuthorization auth = AcsAuthorization.parse(r.getHeader("Authorization"));
    assertEquals(ID, auth.accessKeyId());
    assertEquals(List.of("host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce",
        "x-acs-version"), auth.signedHeaders());
    assertNull(r.getHeader("x-acs-security-token"));
    assertNull(SignatureChecker.problem(r, SECRET));
  }

  @Test
  void getRayCluster_withStsCredentials_signsTokenAndKeyIdHeaders() throws Exception {
    RecordedRequest r = call(client(Credentials.sts(ID, SECRET, TOKEN)), "w-1", "ray-1");
    assertEquals(TOKEN, r.getHeader("x-acs-security-token"));
    assertEquals(ID, r.getHeader("x-acs-accesskey-id"));
    List<String> signed = AcsAuthorization.parse(r.getHeader("Authorization")).signedHeaders();
    assertTrue(signed.contains("x-acs-security-token"), signed.toString());
    assertTrue(signed.contains("x-acs-accesskey-id"), signed.toString());
    assertNull(SignatureChecker.problem(r, SECRET));
  }

  @Test
  void signature_withAnotherSecret_doesNotVerify() throws Exception {
    RecordedRequest r = call(client(Credentials.of(ID, SECRET)), "w-1", "ray-1");
    assertTrue(SignatureChecker.problem(r, "another-secret") != null);
  }

  /** What Retrofit alone puts on the wire keeps '*' raw; the signer sends (and signs) %2A. */
  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(delimiter = '|', value = {
      "ray-k7nm8ahl5te4tg91|ray-k7nm8ahl5te4tg91",
      "ray 1|ray%201",
      "ray*1|ray%2A1",
      "ray~1|ray~1",
      "ray/1|ray%2F1",
      "集群|%E9%9B%86%E7%BE%A4",
      "a+b=c&d|a%2Bb%3Dc%26d",
      "50%|50%25"})
  void pathSegment_onTheWireIsRfc3986Encoded_andSigned(String clusterId, String encoded) throws Exception {
    RecordedRequest r = call(client(Credentials.of(ID, SECRET)), "w 1*", clusterId);
    assertEquals("/api/v1/workspaces/w%201%2A/rayCluster/" + encoded, r.getPath());
    assertNull(SignatureChecker.problem(r, SECRET));
  }

  @Test
  void retrofit_withoutTheSigner_leavesStarRaw() {
    // Why the signer rewrites the path: Retrofit's own encoding is not RFC 3986 strict.
    try (RayClusterClient plain = RayClusterClient.builder().endpoint(server.url("/")).build()) {
      assertEquals("/api/v1/workspaces/w/rayCluster/a*b~c%20d",
          plain.getRayClusterRequest("w", "a*b~c d").url().encodedPath());
    }
  }

  @Test
  void request_withoutInvocationTag_failsNamingTheProblem() {
    SigningInterceptor signer = SigningInterceptor.of(CredentialsProviders.of(ID, SECRET));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> signer.sign(new Request.Builder().url(server.url("/x")).build()));
    assertTrue(e.getMessage().contains("retrofit2.Invocation"), e.getMessage());
  }

  @Test
  void sign_forAGivenOperation_signsARequestBuiltOutsideRetrofitAndReplacesPinnedValues() throws Exception {
    // As a Pact provider verification replays a request: example values of every signed header.
    Request replayed = new Request.Builder()
        .url(server.url("/api/v1/workspaces/w-d2d82aa09155/rayCluster/ray-k7nm8ahl5te4tg91"))
        .header("Authorization", "ACS3-HMAC-SHA256 Credential=example,SignedHeaders=host,Signature="
            + "0".repeat(64))
        .header("x-acs-date", "2020-01-01T00:00:00Z")
        .header("x-acs-signature-nonce", "example-nonce")
        .header("x-acs-action", "SomethingElse")
        .build();
    SigningInterceptor signer = SigningInterceptor.builder()
        .credentials(CredentialsProviders.of(ID, SECRET))
        .clock(TestClocks.stepping(Instant.parse("2026-11-25T20:00:00Z"), Duration.ofSeconds(1)))
        .nonces(TestClocks.countingNonces())
        .build();

    Request signed = signer.sign(replayed, ApiOperation.byId("getRayCluster"));
    server.enqueue(new MockResponse().setBody("{}"));
    new OkHttpClient().newCall(signed).execute().close();
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);

    assertNull(SignatureChecker.problem(r, SECRET));
    assertEquals("GetRayCluster", r.getHeader("x-acs-action"));
    assertEquals("2023-08-08", r.getHeader("x-acs-version"));
    assertEquals("2026-11-25T20:00:00Z", r.getHeader("x-acs-date"));
    assertEquals("nonce-1", r.getHeader("x-acs-signature-nonce"));
    assertEquals(1, r.getHeaders().values("Authorization").size());
    assertEquals(ID, AcsAuthorization.parse(r.getHeader("Authorization")).accessKeyId());
  }

  @Test
  void sign_forAnOperationWithoutAction_failsNamingIt() throws Exception {
    ApiOperation op = new ApiOperation("noAction", "GET", "/x", null, "2023-08-08", null, null);
    SigningInterceptor signer = SigningInterceptor.of(CredentialsProviders.of(ID, SECRET));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> signer.sign(new Request.Builder().url(server.url("/x")).build(), op));
    assertTrue(e.getMessage().contains("x-acs-action"), e.getMessage());
  }

  /** A Retrofit interface whose method is an operation the bundled spec does not have. */
  interface SiblingApi {
    @GET("api/v1/workspaces/{workspaceId}/rayJobs")
    Call<Void> listRayJobs(@Path("workspaceId") String workspaceId);
  }

  @Test
  void operation_unknownToTheSpec_failsNamingTheKnownOnes() {
    SigningInterceptor signer = SigningInterceptor.of(CredentialsProviders.of(ID, SECRET));
    Request request = siblingRequest();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> signer.sign(request));
    assertTrue(e.getMessage().contains("\"listRayJobs\""), e.getMessage());
    assertTrue(e.getMessage().contains("getRayCluster"), e.getMessage());
  }

  @Test
  void siblingOperation_ofAnotherSpec_isSignedWithItsOwnActionAndNoNewJava() throws Exception {
    // The operations of the fixture spec, as another spec's generated ApiContract would list them.
    List<ApiOperation> operations = SpecFixtures.rayJobs().operations().stream()
        .map(o -> new ApiOperation(o.operationId(), o.method(), o.pathTemplate(), o.action(), o.version(),
            o.product(), o.style()))
        .toList();
    SigningInterceptor signer = SigningInterceptor.builder().credentials(CredentialsProviders.of(ID, SECRET))
        .operations(operations).build();
    Request signed = signer.sign(siblingRequest());
    assertEquals("ListRayJobs", signed.header("x-acs-action"));
    assertEquals("2024-01-01", signed.header("x-acs-version"));
  }

  private Request siblingRequest() {
    return new Retrofit.Builder().baseUrl(server.url("/")).client(new OkHttpClient()).build()
        .create(SiblingApi.class).listRayJobs("w-1").request();
  }

  @Test
  void missingCredentials_surfaceAsCredentialsException_syncAndAsync() {
    try (RayClusterClient client = RayClusterClient.builder().endpoint(server.url("/"))
        .credentials(() -> {
          throw new CredentialsException("No Alibaba Cloud credentials found. Looked at: (test)");
        }).build()) {
      CredentialsException sync = assertThrows(CredentialsException.class, () -> client.getRayCluster("w", "r"));
      assertTrue(sync.getMessage().startsWith("No Alibaba Cloud credentials found"), sync.getMessage());
      ExecutionException async = assertThrows(ExecutionException.class,
          () -> client.getRayClusterAsync("w", "r").get(5, TimeUnit.SECONDS));
      assertTrue(async.getCause() instanceof CredentialsException, String.valueOf(async.getCause()));
    }
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void eachSignedRequest_getsAFreshNonceFromSecureRandom() throws Exception {
    RayClusterClient c = RayClusterClient.builder().endpoint(server.url("/"))
        .credentials(CredentialsProviders.of(ID, SECRET)).retryPolicy(RetryPolicy.none()).build();
    server.enqueue(new MockResponse().setBody(DocumentedExample.json()));
    server.enqueue(new MockResponse().setBody(DocumentedExample.json()));
    try (c) {
      c.getRayCluster("w", "r");
      c.getRayCluster("w", "r");
    }
    String n1 = server.takeRequest().getHeader("x-acs-signature-nonce");
    String n2 = server.takeRequest().getHeader("x-acs-signature-nonce");
    assertTrue(n1.matches("[0-9a-f]{32}"), n1);
    assertFalse(n1.equals(n2));
  }
}
