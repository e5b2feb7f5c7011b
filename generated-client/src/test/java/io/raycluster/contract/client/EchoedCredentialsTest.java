package io.raycluster.contract.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raycluster.contract.client.auth.AcsEncoding;
import io.raycluster.contract.client.auth.Redaction;
import io.raycluster.contract.client.credentials.Credentials;
import io.raycluster.contract.client.credentials.CredentialsProviders;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server (or a proxy) that echoes the credentials the client sent gets them masked in every
 * message the client builds from what it said (hostile test M1): the vendor error's fields, the
 * start of an unusable body, header values quoted in a message, a transport failure's text, the
 * retry log; and {@link RayClusterClient#redaction()} masks them for callers that print or
 * record responses themselves.
 */
class EchoedCredentialsTest {
  /** Every sentinel starts with this. */
  private static final String MARK = "ECHOED";
  private static final String KEY_ID = MARK + "KEYID0123456789";
  private static final String SECRET = MARK + "-SECRET-7f3a9c1e5b";
  /** With the characters that encode differently in a URL and in JSON. */
  private static final String TOKEN = MARK + "/STS+TOKEN=4d2b8e6a0c";

  private MockWebServer server;
  private RayClusterClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client = RayClusterClient.builder().endpoint(server.url("/"))
        .credentials(CredentialsProviders.of(Credentials.sts(KEY_ID, SECRET, TOKEN)))
        .retryPolicy(RetryPolicy.none())
        .readTimeout(Duration.ofSeconds(5))
        .build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.shutdown();
  }

  private static void assertNoSentinel(String what, String text) {
    assertFalse(text.contains(MARK), what + ": " + text);
  }

  private static void assertNoSentinelAnywhere(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertNoSentinel("message", String.valueOf(t.getMessage()));
      assertNoSentinel("toString", t.toString());
    }
  }

  private static String everyForm(String value) {
    String encoded = AcsEncoding.encode(value);
    String lowerHex = java.util.regex.Pattern.compile("%[0-9A-F]{2}").matcher(encoded)
        .replaceAll(m -> m.group().toLowerCase(java.util.Locale.ROOT));
    return value + " " + encoded + " " + lowerHex + " " + value.replace("/", "\\/");
  }

  private RayClusterException call() {
    return assertThrows(RayClusterException.class, () -> client.getRayCluster("w", "c"));
  }

  @Test
  void getRayCluster_whenTheVendorErrorEchoesTheTokenAndKeyId_masksThemInEveryFieldAndMessage() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(400).setHeader("Content-Type", "application/json")
        .setBody("{\"RequestId\":\"R-" + KEY_ID + "\",\"HostId\":\"h." + KEY_ID + "\","
            + "\"Code\":\"InvalidSecurityToken.Mismatch\","
            + "\"Message\":\"token " + TOKEN.replace("/", "\\/") + " does not match key " + KEY_ID + " (secret "
            + SECRET + ")\","
            + "\"Recommend\":\"https://api.alibabacloud.com/troubleshoot?q=x&k=" + KEY_ID + "&t="
            + AcsEncoding.encode(TOKEN) + "\","
            + "\"AccessDeniedDetail\":{\"AuthPrincipalDisplayName\":\"" + KEY_ID + "\",\"" + KEY_ID + "\":1,"
            + "\"Nested\":[{\"t\":\"" + TOKEN + "\"}]}}"));

    VendorErrorException e = assertInstanceOf(VendorErrorException.class, call());

    assertEquals("InvalidSecurityToken.Mismatch", e.code());
    assertTrue(e.getMessage().startsWith("InvalidSecurityToken.Mismatch: token *** does not match key *** (secret ***)"),
        e.getMessage());
    assertNoSentinelAnywhere(e);
    assertNoSentinel("errorMessage", e.errorMessage());
    assertNoSentinel("recommend", e.recommend());
    assertNoSentinel("requestId", e.requestId());
    assertNoSentinel("hostId", e.hostId());
    assertNoSentinel("accessDeniedDetail", e.accessDeniedDetail().toString());
    assertNoSentinel("body", e.body().message() + e.body().recommend() + e.body());
    assertEquals(1, e.accessDeniedDetail().get("***"));
    // Nothing of the echo survives in the exception's serialized form either.
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(e);
    }
    assertNoSentinel("serialized", bytes.toString(StandardCharsets.ISO_8859_1));
  }

  @Test
  void getRayCluster_whenAnErrorPageEchoesTheCredentialsInAnyEncoding_masksThemInTheSnippet() {
    server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html; t=" + TOKEN)
        .setHeader("x-acs-request-id", "id-" + KEY_ID)
        .setBody("<html>bad gateway: " + everyForm(TOKEN) + " " + everyForm(KEY_ID) + " " + SECRET + "</html>"));

    UnexpectedResponseException e = assertInstanceOf(UnexpectedResponseException.class, call());

    assertTrue(e.getMessage().contains("<html>bad gateway: *** *** *** *** *** "), e.getMessage());
    assertNoSentinelAnywhere(e);
    assertNoSentinel("bodySnippet", e.bodySnippet());
    assertNoSentinel("contentType", e.contentType());
    assertNoSentinel("requestId", e.requestId());
  }

  @Test
  void getRayCluster_whenAnInvalidSuccessBodyEchoesTheToken_masksItInTheSnippet() {
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
        .setBody("{\"requestId\":\"r\",\"headers\":{\"x-acs-security-token\":\"" + TOKEN.replace("/", "\\/")
            + "\",\"x-acs-accesskey-id\":\"" + KEY_ID + "\"}, oops"));

    UnexpectedResponseException e = assertInstanceOf(UnexpectedResponseException.class, call());

    assertNoSentinelAnywhere(e);
  }

  @Test
  void getRayCluster_whenTheEchoStartsNearTheEndOfTheSnippet_isStillMaskedWhole() {
    String longToken = MARK + "-" + "t".repeat(3000);
    try (RayClusterClient sts = RayClusterClient.builder().endpoint(server.url("/"))
        .credentials(CredentialsProviders.of(Credentials.sts(KEY_ID, SECRET, longToken)))
        .retryPolicy(RetryPolicy.none()).build()) {
      server.enqueue(new MockResponse().setResponseCode(500).setBody("x".repeat(290) + longToken));
      UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class, () -> sts.getRayCluster("w", "c"));
      assertNoSentinelAnywhere(e);
      assertFalse(e.getMessage().contains("tttt"), e.getMessage());
    }
  }

  @Test
  void getRayCluster_whenAMalformedStatusLineEchoesTheToken_masksItInTheTransportException() {
    server.enqueue(new MockResponse().setStatus("HTTP/1.1 2x0 " + TOKEN));

    TransportException e = assertInstanceOf(TransportException.class, call());

    assertNoSentinel("message", e.getMessage());
    assertTrue(e.getMessage().contains("***"), e.getMessage());
  }

  @Test
  void redaction_afterACall_masksTheSentValuesForCallersThatPrintResponsesThemselves() throws Exception {
    assertEquals("key " + KEY_ID, client.redaction().maskText("key " + KEY_ID, "***"), "nothing sent yet");
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(DocumentedExample.json()));
    client.getRayCluster("w", "c");

    String echoed = "Vendor error: token " + TOKEN + " does not match key " + KEY_ID + " url ?t="
        + AcsEncoding.encode(TOKEN) + " body {\"t\":\"" + TOKEN.replace("/", "\\/") + "\"}";
    assertEquals("Vendor error: token *** does not match key *** url ?t=*** body {\"t\":\"***\"}",
        client.redaction().maskText(echoed, "***"));
    assertNoSentinel("another spec's redaction",
        client.redaction(Redaction.of(Set.of(), Set.of(), Set.of())).maskText(echoed, "REDACTED"));
    // The spec's own marks are still applied.
    assertEquals("{\"submitToken\":\"***\"}", client.redaction().maskText("{\"submitToken\":\"abc\"}", "***"));
  }

  @Test
  void debugLog_whenTheServerEchoesTheTokenInAnErrorCode_masksIt() throws Exception {
    String logToken = "LOGECHO-STS-TOKEN-93b1f0";
    try (RayClusterClient retrying = RayClusterClient.builder().endpoint(server.url("/"))
        .credentials(CredentialsProviders.of(Credentials.sts(KEY_ID, SECRET, logToken)))
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).sleeper(d -> { }).build()).build()) {
      server.enqueue(new MockResponse().setResponseCode(400)
          .setBody("{\"Code\":\"Throttling." + logToken + "\",\"Message\":\"slow down\"}"));
      server.enqueue(new MockResponse().setResponseCode(400)
          .setBody("{\"Code\":\"Throttling." + logToken + "\",\"Message\":\"slow down\"}"));
      ThrottlingException e = assertThrows(ThrottlingException.class, () -> retrying.getRayCluster("w", "c"));
      assertFalse(e.getMessage().contains(logToken), e.getMessage());
    }
    String log = Files.readString(Path.of(System.getProperty("org.slf4j.simpleLogger.logFile")), StandardCharsets.UTF_8);
    assertTrue(log.contains("-> 400 Throttling.*** (attempt 1/2"), log);
    assertFalse(log.contains(logToken), "token in the log");
  }

  @Test
  void clusterSummary_withTheClientsRedaction_masksCredentialsEchoedInASuccessBody() {
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(DocumentedExample.json()));
    io.raycluster.contract.client.generated.model.RayCluster cluster = client.getRayCluster("w", "c");
    cluster.setMessage("signed with " + KEY_ID + " and " + TOKEN);
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();

    ClusterSummary.print(cluster, new java.io.PrintStream(printed, true, StandardCharsets.UTF_8), client.redaction());

    String text = printed.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("message    signed with *** and ***"), text);
    assertNoSentinel("summary", text);
  }
}
