package io.raycluster.contract.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raycluster.contract.client.credentials.Credentials;
import io.raycluster.contract.client.credentials.CredentialsProviders;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A signed request is never sent anywhere but the endpoint (hostile test H2): the client follows
 * no redirect, so no credential header, AccessKey id, STS token or signature reaches another
 * host, port or path; a 3xx is an {@link UnexpectedResponseException} naming the status and the
 * {@code Location}.
 */
class RedirectTest {
  private static final String KEY_ID = "SENTINELKEYID0123456789";
  private static final String SECRET = "SENTINEL-SECRET-7f3a9c1e5b";
  private static final String TOKEN = "SENTINEL-STS-TOKEN-4d2b8e6a0c";

  private MockWebServer server;
  private MockWebServer elsewhere;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    elsewhere = new MockWebServer();
    elsewhere.start();
    // Were a redirect followed, the other server would answer as the service does.
    for (int i = 0; i < 3; i++) {
      elsewhere.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
          .setBody(DocumentedExample.json()));
    }
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
    elsewhere.shutdown();
  }

  private RayClusterClient.Builder signed() {
    return RayClusterClient.builder()
        .endpoint(server.url("/"))
        .credentials(CredentialsProviders.of(Credentials.sts(KEY_ID, SECRET, TOKEN)))
        .retryPolicy(RetryPolicy.builder().sleeper(d -> { }).build())
        .readTimeout(Duration.ofSeconds(5));
  }

  private static MockResponse redirect(int status, String location) {
    return new MockResponse().setResponseCode(status).setHeader("Location", location);
  }

  private void assertNothingReachedTheOtherServer() {
    assertEquals(0, elsewhere.getRequestCount(), "the redirect target received a request");
  }

  private static void assertNoCredentialIn(String text) {
    for (String s : new String[] {KEY_ID, SECRET, TOKEN}) {
      assertFalse(text.contains(s), text);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void getRayCluster_whenRedirected_doesNotFollowAndSendsNoCredentialElsewhere(int status) throws Exception {
    String location = elsewhere.url("/api/v1/workspaces/w/rayCluster/c").toString();
    server.enqueue(redirect(status, location));

    UnexpectedResponseException e;
    try (RayClusterClient client = signed().build()) {
      e = assertThrows(UnexpectedResponseException.class, () -> client.getRayCluster("w", "c"));
    }

    assertEquals(status, e.httpStatus());
    assertTrue(e.getMessage().startsWith("HTTP " + status + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(location), e.getMessage());
    assertTrue(e.getMessage().contains("not followed"), e.getMessage());
    assertNothingReachedTheOtherServer();
    assertEquals(1, server.getRequestCount(), "a 3xx is not retried");
    assertNoCredentialIn(e.getMessage());
  }

  @Test
  void getRayCluster_whenRedirectedToAnotherPathOfTheSameHost_doesNotFollow() throws Exception {
    server.enqueue(redirect(302, server.url("/elsewhere/on/the/same/host").toString()));
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(DocumentedExample.json()));

    try (RayClusterClient client = signed().build()) {
      assertThrows(UnexpectedResponseException.class, () -> client.getRayCluster("w", "c"));
    }

    assertEquals(1, server.getRequestCount(), "the same-host redirect was followed, Authorization included");
    RecordedRequest only = server.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("/api/v1/workspaces/w/rayCluster/c", only.getPath());
  }

  @Test
  void getRayCluster_withAUserOkHttpClientThatFollowsRedirects_stillDoesNotFollow() {
    server.enqueue(redirect(307, elsewhere.url("/stolen").toString()));
    OkHttpClient following = new OkHttpClient.Builder().followRedirects(true).followSslRedirects(true).build();
    try (RayClusterClient client = signed().okHttpClient(following).build()) {
      assertFalse(client.httpClient().followRedirects());
      assertFalse(client.httpClient().followSslRedirects());
      assertThrows(UnexpectedResponseException.class, () -> client.getRayCluster("w", "c"));
    } finally {
      following.dispatcher().executorService().shutdown();
      following.connectionPool().evictAll();
    }
    assertNothingReachedTheOtherServer();
    assertTrue(following.followRedirects(), "the caller's own client is left as it was");
  }

  @Test
  void httpClient_whenRedirected_returnsTheRedirectItselfAndSendsNothingElsewhere() throws Exception {
    // What a tool that reads the raw response through httpClient() (the CLI's get) sees.
    server.enqueue(redirect(302, elsewhere.url("/stolen").toString()));
    try (RayClusterClient client = signed().build();
        okhttp3.Response response = client.httpClient().newCall(client.getRayClusterRequest("w", "c")).execute()) {
      assertEquals(302, response.code());
    }
    assertNothingReachedTheOtherServer();
  }

  @Test
  void getRayClusterAsync_whenRedirected_failsWithoutFollowing() {
    server.enqueue(redirect(302, elsewhere.url("/stolen").toString()));
    try (RayClusterClient client = signed().build()) {
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> client.getRayClusterAsync("w", "c").get(5, TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof UnexpectedResponseException, String.valueOf(e.getCause()));
    }
    assertNothingReachedTheOtherServer();
  }

  @Test
  void getRayCluster_whenRedirectedWithAVendorErrorBody_isStillUnexpectedResponse() {
    server.enqueue(redirect(302, elsewhere.url("/stolen").toString()).setHeader("Content-Type", "application/json")
        .setBody("{\"Code\":\"Moved\",\"Message\":\"go elsewhere\"}"));
    try (RayClusterClient client = signed().build()) {
      UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
          () -> client.getRayCluster("w", "c"));
      assertEquals(302, e.httpStatus());
    }
    assertNothingReachedTheOtherServer();
  }

  @Test
  void getRayCluster_whenRedirectedWithoutLocation_saysSo() {
    server.enqueue(new MockResponse().setResponseCode(301));
    try (RayClusterClient client = signed().build()) {
      UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
          () -> client.getRayCluster("w", "c"));
      assertTrue(e.getMessage().contains("without a Location header"), e.getMessage());
    }
  }

  @Test
  void getRayCluster_whenTheLocationEchoesTheStsToken_masksItInTheMessage() {
    server.enqueue(redirect(302, elsewhere.url("/x?SecurityToken=" + TOKEN + "&k=" + KEY_ID).toString()));
    try (RayClusterClient client = signed().build()) {
      UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
          () -> client.getRayCluster("w", "c"));
      assertNoCredentialIn(e.getMessage());
      assertTrue(e.getMessage().contains(elsewhere.url("/x").toString()), e.getMessage());
    }
    assertNothingReachedTheOtherServer();
  }
}
