package io.raycluster.contract.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raycluster.contract.client.credentials.CredentialsProviders;
import io.raycluster.contract.client.generated.model.RayCluster;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryTest {
  private static final String SECRET = "retry-test-secret";

  private MockWebServer server;
  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  /** Retries with recorded (not slept) waits and jitter fixed at its midpoint. */
  private RetryPolicy.Builder policy() {
    return RetryPolicy.builder().maxAttempts(3).baseDelay(Duration.ofMillis(200)).maxDelay(Duration.ofSeconds(5))
        .sleeper(waits::add).random(() -> 0.5);
  }

  private RayClusterClient client(RetryPolicy policy) {
    return RayClusterClient.builder()
        .endpoint(server.url("/"))
        .credentials(CredentialsProviders.of("LTAI-tRetryKeyId", SECRET))
        .clock(TestClocks.stepping(Instant.parse("2026-11-25T20:00:00Z"), Duration.ofSeconds(1)))
        .retryPolicy(policy)
        .readTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static MockResponse error(int status, String code) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
        .setBody("{\"RequestId\":\"REQ-" + status + "\",\"Code\":\"" + code + "\",\"Message\":\"m\"}");
  }

  private static MockResponse ok() {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(DocumentedExample.json());
  }

  private RecordedRequest take() throws InterruptedException {
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  @Test
  void getRayCluster_whenThrottled_retriesThenSucceeds_signingEachAttemptAfresh() throws Exception {
    server.enqueue(error(400, "Throttling.User"));
    server.enqueue(ok());
    try (RayClusterClient client = client(policy().build())) {
      RayCluster cluster = client.getRayCluster("w-d2d82aa09155", "ray-k7nm8ahl5te4tg91");
      assertEquals("ray-k7nm8ahl5te4tg91", cluster.getClusterId());
    }
    RecordedRequest first = take();
    RecordedRequest second = take();
    assertNotEquals(first.getHeader("x-acs-signature-nonce"), second.getHeader("x-acs-signature-nonce"));
    assertNotEquals(first.getHeader("x-acs-date"), second.getHeader("x-acs-date"));
    assertNotEquals(first.getHeader("Authorization"), second.getHeader("Authorization"));
    assertNull(SignatureChecker.problem(first, SECRET));
    assertNull(SignatureChecker.problem(second, SECRET));
    assertEquals(List.of(Duration.ofMillis(150)), waits);
  }

  @Test
  void getRayCluster_when503ThreeTimes_givesUpWithTheLastVendorError() {
    server.enqueue(error(503, "ServiceUnavailable").setHeader("x-acs-request-id", "a"));
    server.enqueue(error(503, "ServiceUnavailable"));
    server.enqueue(error(503, "ServiceUnavailable").setBody(
        "{\"RequestId\":\"LAST\",\"Code\":\"ServiceUnavailable\",\"Message\":\"third\"}"));
    try (RayClusterClient client = client(policy().build())) {
      VendorErrorException e = assertThrows(VendorErrorException.class, () -> client.getRayCluster("w", "r"));
      assertEquals(503, e.httpStatus());
      assertEquals("ServiceUnavailable", e.code());
      assertEquals("LAST", e.requestId());
    }
    assertEquals(3, server.getRequestCount());
    // Exponential: 200 ms then 400 ms, each jittered to 75% at random = 0.5.
    assertEquals(List.of(Duration.ofMillis(150), Duration.ofMillis(300)), waits);
  }

  @Test
  void getRayCluster_whenSignatureDoesNotMatch_doesNotRetry() {
    server.enqueue(error(400, "SignatureDoesNotMatch"));
    server.enqueue(ok());
    try (RayClusterClient client = client(policy().build())) {
      AuthenticationException e = assertThrows(AuthenticationException.class, () -> client.getRayCluster("w", "r"));
      assertEquals("SignatureDoesNotMatch", e.code());
    }
    assertEquals(1, server.getRequestCount());
    assertTrue(waits.isEmpty());
  }

  @Test
  void getRayCluster_when404_doesNotRetry() {
    server.enqueue(error(404, "InvalidRayCluster.NotFound"));
    try (RayClusterClient client = client(policy().build())) {
      assertThrows(NotFoundException.class, () -> client.getRayCluster("w", "r"));
    }
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void getRayCluster_whenThrottledWithTimeLeft_waitsWhatTheHeaderSays() {
    server.enqueue(error(400, "Throttling.Api").setHeader("x-ratelimit-user-api", "Limit:10,Remain:0,TimeLeft:1500"));
    server.enqueue(ok());
    try (RayClusterClient client = client(policy().build())) {
      client.getRayCluster("w", "r");
    }
    assertEquals(List.of(Duration.ofMillis(1500)), waits);
  }

  @Test
  void getRayCluster_whenTimeLeftIsHuge_waitIsCapped() {
    server.enqueue(error(429, "Throttling").setHeader("x-ratelimit-user", "TimeLeft:3600000"));
    server.enqueue(ok());
    try (RayClusterClient client = client(policy().maxThrottleWait(Duration.ofSeconds(2)).build())) {
      client.getRayCluster("w", "r");
    }
    assertEquals(List.of(Duration.ofSeconds(2)), waits);
  }

  @Test
  void getRayCluster_whenThrottledEveryTime_givesUpWithThrottlingException() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(error(400, "Throttling"));
    }
    try (RayClusterClient client = client(policy().build())) {
      assertThrows(ThrottlingException.class, () -> client.getRayCluster("w", "r"));
    }
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void getRayCluster_whenConnectionDrops_retriesThenSucceeds() throws Exception {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    server.enqueue(ok());
    try (RayClusterClient client = client(policy().build())) {
      assertEquals("ray-k7nm8ahl5te4tg91", client.getRayCluster("w", "r").getClusterId());
    }
    assertEquals(1, waits.size());
  }

  @Test
  void getRayCluster_whenReadTimesOut_retriesThenReportsATimeout() {
    server.enqueue(ok().setHeadersDelay(1, TimeUnit.SECONDS));
    server.enqueue(ok().setHeadersDelay(1, TimeUnit.SECONDS));
    try (RayClusterClient client = RayClusterClient.builder()
        .endpoint(server.url("/"))
        .credentials(CredentialsProviders.of("LTAI-tRetryKeyId", SECRET))
        .retryPolicy(policy().maxAttempts(2).build())
        .readTimeout(Duration.ofMillis(200))
        .build()) {
      TransportException e = assertThrows(TransportException.class, () -> client.getRayCluster("w", "r"));
      assertTrue(e.isTimeout(), e.getMessage());
      assertInstanceOf(java.net.SocketTimeoutException.class, e.getCause());
    }
    assertEquals(2, server.getRequestCount());
    assertEquals(1, waits.size());
  }

  @Test
  void getRayCluster_withMaxAttemptsOne_neverRetries() {
    server.enqueue(error(503, "ServiceUnavailable"));
    try (RayClusterClient client = client(policy().maxAttempts(1).build())) {
      assertThrows(VendorErrorException.class, () -> client.getRayCluster("w", "r"));
    }
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void endpointOnlyClient_doesNotRetryByDefault() {
    server.enqueue(error(503, "ServiceUnavailable"));
    try (RayClusterClient client = RayClusterClient.builder().endpoint(server.url("/")).build()) {
      assertThrows(VendorErrorException.class, () -> client.getRayCluster("w", "r"));
    }
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void backoff_growsExponentially_isJittered_andCapped() {
    RetryPolicy zero = policy().random(() -> 0.0).maxDelay(Duration.ofSeconds(1)).build();
    RetryPolicy top = policy().random(() -> 0.999999).maxDelay(Duration.ofSeconds(1)).build();
    assertEquals(Duration.ofMillis(100), zero.backoff(1));
    assertEquals(Duration.ofMillis(200), zero.backoff(2));
    assertEquals(Duration.ofMillis(500), zero.backoff(10));
    assertEquals(Duration.ofMillis(199), top.backoff(1));
    assertEquals(Duration.ofMillis(999), top.backoff(50));
  }

  @Test
  void getRayClusterAsync_whenThrottled_retriesThenSucceeds() throws Exception {
    server.enqueue(error(400, "Throttling"));
    server.enqueue(ok());
    try (RayClusterClient client = client(policy().build())) {
      assertEquals("ray-k7nm8ahl5te4tg91",
          client.getRayClusterAsync("w", "r").get(5, TimeUnit.SECONDS).getClusterId());
    }
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void callTimeout_coversTheWaitsBetweenAttempts() {
    server.enqueue(error(503, "ServiceUnavailable"));
    server.enqueue(ok());
    try (RayClusterClient client = RayClusterClient.builder()
        .endpoint(server.url("/"))
        .credentials(CredentialsProviders.of("LTAI-tRetryKeyId", SECRET))
        .retryPolicy(policy().sleeper(d -> Thread.sleep(600)).build())
        .callTimeout(Duration.ofMillis(300))
        .build()) {
      TransportException e = assertThrows(TransportException.class, () -> client.getRayCluster("w", "r"));
      assertTrue(e.isTimeout(), e.getMessage());
    }
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void callerInterceptorHeaders_areSignedOnEveryAttempt() throws Exception {
    server.enqueue(error(500, "InternalError"));
    server.enqueue(ok());
    try (RayClusterClient client = RayClusterClient.builder()
        .endpoint(server.url("/"))
        .credentials(CredentialsProviders.of("LTAI-tRetryKeyId", SECRET))
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("x-acs-trace", "t-1").build()))
        .retryPolicy(policy().build())
        .build()) {
      client.getRayCluster("w", "r");
    }
    for (int i = 0; i < 2; i++) {
      RecordedRequest r = take();
      assertTrue(r.getHeader("Authorization").contains("x-acs-trace"), r.getHeader("Authorization"));
      assertNull(SignatureChecker.problem(r, SECRET));
    }
  }
}
