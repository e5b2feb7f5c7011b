package io.raycluster.contract.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raycluster.contract.client.generated.model.RayCluster;
import io.raycluster.contract.client.generated.model.RayClusterState;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RayClusterClientTest {
  private static final String PATH = "/api/v1/workspaces/w-d2d82aa09155/rayCluster/ray-k7nm8ahl5te4tg91";

  private MockWebServer server;
  private RayClusterClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client = RayClusterClient.builder()
        .endpoint(server.url("/"))
        .readTimeout(Duration.ofSeconds(5))
        .build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.shutdown();
  }

  private RayCluster get() {
    return client.getRayCluster("w-d2d82aa09155", "ray-k7nm8ahl5te4tg91");
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status)
        .setHeader("Content-Type", "application/json;charset=utf-8").setBody(body);
  }

  @Test
  void http200_returnsTheModel() throws Exception {
    server.enqueue(json(200, DocumentedExample.json()));

    RayCluster cluster = get();

    assertEquals("ray-k7nm8ahl5te4tg91", cluster.getClusterId());
    assertEquals(RayClusterState.RUNNING, cluster.getState());
    RecordedRequest request = server.takeRequest();
    assertEquals("GET", request.getMethod());
    assertEquals(PATH, request.getPath());
    assertEquals(0, request.getBodySize());
  }

  @Test
  void http200_async_completesWithTheModel() throws Exception {
    server.enqueue(json(200, DocumentedExample.json()));

    RayCluster cluster = client.getRayClusterAsync("w-d2d82aa09155", "ray-k7nm8ahl5te4tg91")
        .get(5, TimeUnit.SECONDS);

    assertEquals("myRayCluster", cluster.getName());
  }

  @Test
  void endpointWithPathPrefix_keepsThePrefix() throws Exception {
    server.enqueue(json(200, DocumentedExample.json()));
    try (RayClusterClient prefixed = RayClusterClient.builder().endpoint(server.url("/proxy")).build()) {
      prefixed.getRayCluster("w-d2d82aa09155", "ray-k7nm8ahl5te4tg91");
    }
    assertEquals("/proxy" + PATH, server.takeRequest().getPath());
  }

  @Test
  void idsWithReservedCharacters_areEncodedAsOneSegment() throws Exception {
    server.enqueue(json(200, DocumentedExample.json()));

    client.getRayCluster("w 1", "ray/a b");

    assertEquals("/api/v1/workspaces/w%201/rayCluster/ray%2Fa%20b", server.takeRequest().getPath());
  }

  @Test
  void emptyIds_areRejectedBeforeAnyCall() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> client.getRayCluster("", "ray-1"));
    assertTrue(e.getMessage().contains("workspaceId"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> client.getRayCluster("w", null));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void vendorErrorPascalCase_becomesVendorErrorWithEveryField() {
    server.enqueue(json(403, "{\"RequestId\":\"6BE56E05-1\",\"HostId\":\"emr-serverless-spark.cn-hangzhou.aliyuncs.com\","
        + "\"Code\":\"Forbidden.RAM\",\"Message\":\"User not authorized.\","
        + "\"Recommend\":\"https://api.alibabacloud.com/troubleshoot?q=Forbidden.RAM\","
        + "\"AccessDeniedDetail\":{\"AuthAction\":\"emr-serverless-spark:GetRayCluster\"}}"));

    VendorErrorException e = assertThrows(VendorErrorException.class, this::get);

    assertEquals(VendorErrorException.class, e.getClass());
    assertEquals(403, e.httpStatus());
    assertEquals("Forbidden.RAM", e.code());
    assertEquals("User not authorized.", e.errorMessage());
    assertEquals("6BE56E05-1", e.requestId());
    assertEquals("emr-serverless-spark.cn-hangzhou.aliyuncs.com", e.hostId());
    assertEquals("https://api.alibabacloud.com/troubleshoot?q=Forbidden.RAM", e.recommend());
    assertEquals("emr-serverless-spark:GetRayCluster", e.accessDeniedDetail().get("AuthAction"));
    assertEquals("Forbidden.RAM: User not authorized. (HTTP 403, request id 6BE56E05-1, "
        + "host emr-serverless-spark.cn-hangzhou.aliyuncs.com)", e.getMessage());
  }

  @Test
  void http403_whoseAccessDeniedDetailHoldsANull_isStillTheVendorError() {
    server.enqueue(json(403, "{\"RequestId\":\"r-403\",\"Code\":\"Forbidden.RAM\",\"Message\":\"denied\","
        + "\"AccessDeniedDetail\":{\"PolicyType\":null,\"AuthAction\":\"emr-serverless-spark:GetRayCluster\","
        + "\"NoPermissionPolicyName\":null}}"));

    VendorErrorException e = assertThrows(VendorErrorException.class, this::get);

    assertEquals(VendorErrorException.class, e.getClass());
    assertEquals("Forbidden.RAM", e.code());
    assertTrue(e.accessDeniedDetail().containsKey("PolicyType"));
    assertNull(e.accessDeniedDetail().get("PolicyType"));
    assertEquals("emr-serverless-spark:GetRayCluster", e.accessDeniedDetail().get("AuthAction"));
  }

  @Test
  void http403_withAnAuthenticationCodeAndANullDetail_isAuthenticationException() {
    server.enqueue(json(403, "{\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"bad signature\","
        + "\"AccessDeniedDetail\":{\"PolicyType\":null}}"));

    AuthenticationException e = assertThrows(AuthenticationException.class, this::get);

    assertEquals(403, e.httpStatus());
    assertNull(e.accessDeniedDetail().get("PolicyType"));
  }

  @Test
  void vendorErrorCamelCase_isReadTheSame() {
    server.enqueue(json(500, "{\"requestId\":\"abc\",\"hostId\":\"h\",\"code\":\"InternalError\","
        + "\"message\":\"Something broke.\",\"recommend\":\"https://r\"}"));

    VendorErrorException e = assertThrows(VendorErrorException.class, this::get);

    assertEquals(500, e.httpStatus());
    assertEquals("InternalError", e.code());
    assertEquals("Something broke.", e.errorMessage());
    assertEquals("abc", e.requestId());
    assertEquals("h", e.hostId());
    assertEquals("https://r", e.recommend());
  }

  @Test
  void vendorErrorWithoutRequestId_takesItFromTheHeader() {
    server.enqueue(json(400, "{\"Code\":\"InvalidParameter\",\"Message\":\"bad\"}")
        .setHeader("x-acs-request-id", "HDR-1"));

    VendorErrorException e = assertThrows(VendorErrorException.class, this::get);

    assertEquals("HDR-1", e.requestId());
  }

  @Test
  void throttlingCode_isThrottlingExceptionWhateverTheStatus() {
    server.enqueue(json(400, "{\"Code\":\"Throttling.User\",\"Message\":\"Request was denied due to user flow control.\","
        + "\"RequestId\":\"T-1\"}").setHeader("x-ratelimit-user", "Limit:100,Remain:0,TimeLeft:1200"));

    ThrottlingException e = assertThrows(ThrottlingException.class, this::get);

    assertEquals("Throttling.User", e.code());
    assertEquals(400, e.httpStatus());
    assertEquals("Limit:100,Remain:0,TimeLeft:1200", e.headers().get("x-ratelimit-user"));
  }

  @Test
  void signatureMismatch_isAuthenticationException() {
    server.enqueue(json(400, "{\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"no\"}"));
    assertThrows(AuthenticationException.class, this::get);
  }

  @Test
  void unknownAccessKeyWith404_isAuthenticationNotNotFound() {
    server.enqueue(json(404, "{\"Code\":\"InvalidAccessKeyId.NotFound\",\"Message\":\"no\"}"));
    assertThrows(AuthenticationException.class, this::get);
  }

  @Test
  void http404VendorError_isNotFoundException() {
    server.enqueue(json(404, "{\"Code\":\"RayCluster.NotFound\",\"Message\":\"no such cluster\"}"));

    NotFoundException e = assertThrows(NotFoundException.class, this::get);

    assertEquals("RayCluster.NotFound", e.code());
  }

  @Test
  void htmlErrorPage_isUnexpectedResponseWithStatusAndBodyStart() {
    server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
        .setBody("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"));

    UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class, this::get);

    assertEquals(502, e.httpStatus());
    assertEquals("text/html", e.contentType());
    assertTrue(e.getMessage().startsWith("HTTP 502: error response that is not the vendor's JSON"), e.getMessage());
    assertTrue(e.getMessage().contains("<html><head><title>502 Bad Gateway"), e.getMessage());
  }

  @Test
  void emptyErrorBody_isUnexpectedResponse() {
    server.enqueue(new MockResponse().setResponseCode(503));

    UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class, this::get);

    assertEquals(503, e.httpStatus());
    assertTrue(e.getMessage().contains("the body is empty"), e.getMessage());
  }

  @Test
  void jsonErrorBodyWithoutCodeOrMessage_isUnexpectedResponse() {
    server.enqueue(json(500, "{\"error\":\"boom\"}"));

    UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class, this::get);

    assertTrue(e.getMessage().contains("{\"error\":\"boom\"}"), e.getMessage());
  }

  @Test
  void empty200Body_isUnexpectedResponse() {
    server.enqueue(json(200, ""));

    UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class, this::get);

    assertEquals(200, e.httpStatus());
    assertEquals("HTTP 200: expected a JSON RayCluster but the body is empty "
        + "(Content-Type application/json;charset=utf-8); the body is empty", e.getMessage());
  }

  @Test
  void malformedJson200_isUnexpectedResponseNotJacksonException() {
    server.enqueue(json(200, "{\"requestId\": \"r\", \"clusterId\": "));

    UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class, this::get);

    assertEquals(200, e.httpStatus());
    assertTrue(e.getMessage().contains("is not a valid RayCluster"), e.getMessage());
    assertNull(e.getCause());
  }

  @Test
  void wrongTypeInBody_isUnexpectedResponse() {
    server.enqueue(json(200, "{\"requestId\":\"r\",\"clusterId\":\"c\",\"state\":\"Running\",\"startTime\":\"soon\"}"));

    UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class, this::get);

    assertTrue(e.getMessage().contains("startTime") || e.getMessage().contains("soon"), e.getMessage());
  }

  @Test
  void topLevelArray200_isUnexpectedResponse() {
    server.enqueue(json(200, "[1,2]"));

    UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class, this::get);

    assertTrue(e.getMessage().contains("found an array"), e.getMessage());
  }

  @Test
  void trailingGarbageAfterJson_isUnexpectedResponse() {
    server.enqueue(json(200, "{\"requestId\":\"r\",\"clusterId\":\"c\",\"state\":\"Running\"} trailing"));
    assertThrows(UnexpectedResponseException.class, this::get);
  }

  @Test
  void bodyOverTheLimit_isUnexpectedResponse() throws IOException {
    server.enqueue(json(200, "{\"requestId\":\"" + "x".repeat(5000) + "\"}"));
    try (RayClusterClient small = RayClusterClient.builder().endpoint(server.url("/"))
        .maxResponseBytes(1024).build()) {
      UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
          () -> small.getRayCluster("w", "c"));
      assertTrue(e.getMessage().contains("larger than 1024 bytes"), e.getMessage());
    }
  }

  @Test
  void malformedBodySnippet_masksSecrets() {
    server.enqueue(json(200, "{\"submitToken\":\"1d06484d3b424f7fa4ab7082a4076da2\","
        + "\"dashboardUrl\":\"https://x/dashboard?token=s3cr3t&a=b\", oops"));

    UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class, this::get);

    assertFalse(e.getMessage().contains("1d06484d3b424f7fa4ab7082a4076da2"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    assertTrue(e.getMessage().contains("\"submitToken\":\"***\""), e.getMessage());
  }

  @Test
  void parserError_neverQuotesTheSecretValueItStumbledOn() {
    server.enqueue(json(200, "{\"requestId\":\"r\",\"clusterId\":\"c\",\"state\":\"Running\",\"submitToken\": SECRETU1}"));

    UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class, this::get);

    assertFalse(e.getMessage().contains("SECRETU1"), e.getMessage());
  }

  @Test
  void vendorErrorMessage_echoingASecretQueryValue_isMaskedInEveryAccessor() {
    server.enqueue(json(400, "{\"Code\":\"InvalidParameter\",\"Message\":\"bad url https://d/?TOKEN%3DSECRETH8\"}"));

    VendorErrorException e = assertThrows(VendorErrorException.class, this::get);

    assertFalse(e.getMessage().contains("SECRETH8"), e.getMessage());
    assertFalse(e.errorMessage().contains("SECRETH8"), e.errorMessage());
  }

  @Test
  void readTimeout_isTransportExceptionThatSaysTimeout() throws IOException {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    try (RayClusterClient impatient = RayClusterClient.builder().endpoint(server.url("/"))
        .readTimeout(Duration.ofMillis(200)).build()) {
      TransportException e = assertThrows(TransportException.class,
          () -> impatient.getRayCluster("w", "c"));
      assertTrue(e.isTimeout());
      assertEquals(0, e.httpStatus());
      assertInstanceOf(java.net.SocketTimeoutException.class, e.getCause());
      assertTrue(e.getMessage().startsWith("GET /api/v1/workspaces/w/rayCluster/c timed out"), e.getMessage());
    }
  }

  @Test
  void connectionRefused_isTransportExceptionWithCause() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (RayClusterClient nowhere = RayClusterClient.builder().endpoint("http://127.0.0.1:" + port).build()) {
      TransportException e = assertThrows(TransportException.class, () -> nowhere.getRayCluster("w", "c"));
      assertFalse(e.isTimeout());
      assertInstanceOf(IOException.class, e.getCause());
    }
  }

  @Test
  void vendorError_async_failsTheFutureWithTheTypedException() {
    server.enqueue(json(400, "{\"Code\":\"Throttling\",\"Message\":\"slow down\"}"));

    CompletableFuture<RayCluster> future = client.getRayClusterAsync("w", "c");

    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
    assertInstanceOf(ThrottlingException.class, e.getCause());
  }

  @Test
  void interceptor_seesEveryRequest() throws Exception {
    server.enqueue(json(200, DocumentedExample.json()));
    try (RayClusterClient intercepted = RayClusterClient.builder().endpoint(server.url("/"))
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("x-acs-test", "1").build()))
        .build()) {
      intercepted.getRayCluster("w", "c");
    }
    assertEquals("1", server.takeRequest().getHeader("x-acs-test"));
  }

  @Test
  void builderWithoutEndpoint_saysWhatIsMissing() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> RayClusterClient.builder().build());
    assertTrue(e.getMessage().contains("endpoint is required"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RayClusterClient.builder().endpoint("not a url"));
  }
}
