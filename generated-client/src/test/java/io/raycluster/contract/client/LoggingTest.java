package io.raycluster.contract.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raycluster.contract.client.auth.AcsAuthorization;
import io.raycluster.contract.client.credentials.Credentials;
import io.raycluster.contract.client.credentials.CredentialsProviders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/** The surefire configuration sends io.raycluster DEBUG logs to target/client-debug.log. */
class LoggingTest {
  private static final String SECRET = "logging-test-secret-4711";
  private static final String TOKEN = "logging-test-sts-token-4711";

  @Test
  void debugLog_showsMethodPathStatusAttemptElapsed_andMasksSecrets() throws Exception {
    String signature;
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse().setResponseCode(503).setBody("{\"Code\":\"ServiceUnavailable\"}"));
      server.enqueue(new MockResponse().setBody(DocumentedExample.json()));
      try (RayClusterClient client = RayClusterClient.builder().endpoint(server.url("/"))
          .credentials(CredentialsProviders.of(Credentials.sts("STS.LoggingKeyId", SECRET, TOKEN)))
          .retryPolicy(RetryPolicy.builder().sleeper(d -> { }).build())
          .build()) {
        client.getRayCluster("w-log", "ray-log");
      }
      server.takeRequest(5, TimeUnit.SECONDS);
      signature = AcsAuthorization.parse(server.takeRequest(5, TimeUnit.SECONDS).getHeader("Authorization"))
          .signature();
    }
    Path file = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile"));
    String log = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(log.contains("GET /api/v1/workspaces/w-log/rayCluster/ray-log -> 503 ServiceUnavailable (attempt 1/3, "),
        log);
    assertTrue(log.contains("GET /api/v1/workspaces/w-log/rayCluster/ray-log -> 200 (attempt 2/3, "), log);
    assertTrue(log.contains("Signed GET /api/v1/workspaces/w-log/rayCluster/ray-log as GetRayCluster 2023-08-08"), log);
    assertTrue(log.contains("Signature=***"), log);
    assertFalse(log.contains(SECRET), "secret in log");
    assertFalse(log.contains(TOKEN), "token in log");
    assertFalse(log.contains(signature), "signature in log");
    assertFalse(log.contains("STS.LoggingKeyId"), "full key id in log");
  }

  @Test
  void retryPolicy_toString_isReadable() {
    assertTrue(RetryPolicy.defaults().toString().contains("maxAttempts=3"));
    assertTrue(Duration.ofSeconds(10).equals(RetryPolicy.defaults().maxThrottleWait()));
  }
}
