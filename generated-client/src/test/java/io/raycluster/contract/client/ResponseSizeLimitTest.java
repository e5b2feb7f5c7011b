package io.raycluster.contract.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raycluster.contract.client.credentials.CredentialsProviders;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client stops reading a response past {@code maxResponseBytes} (hostile test M2): through
 * {@link RayClusterClient#getRayCluster} and through {@link RayClusterClient#httpClient()} (what
 * the CLI's {@code get} reads), for chunked bodies of no declared length and for gzip bodies
 * whose DECODED size passes the limit, on every retried attempt.
 */
class ResponseSizeLimitTest {
  private static final long LIMIT = 64 * 1024;

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

  private RayClusterClient.Builder limited(long limit) {
    return RayClusterClient.builder().endpoint(server.url("/")).maxResponseBytes(limit)
        .readTimeout(Duration.ofSeconds(10));
  }

  /** {@code size} bytes of a JSON string value, written in slices (no array of that size). */
  private static Buffer bigJson(long size) {
    Buffer b = new Buffer().writeUtf8("{\"requestId\":\"");
    byte[] slice = "x".repeat(8192).getBytes(StandardCharsets.US_ASCII);
    while (b.size() < size) {
      b.write(slice);
    }
    return b.writeUtf8("\"}");
  }

  /** A gzip body that inflates to {@code inflated} bytes of zeros (a few KiB on the wire). */
  private static Buffer gzipBomb(long inflated) throws IOException {
    Buffer compressed = new Buffer();
    byte[] zeros = new byte[64 * 1024];
    try (OutputStream gz = new GZIPOutputStream(compressed.outputStream())) {
      for (long written = 0; written < inflated; written += zeros.length) {
        gz.write(zeros);
      }
    }
    return compressed;
  }

  @Test
  void builder_withoutALimit_uses8MiB() {
    assertEquals(8L * 1024 * 1024, RayClusterClient.DEFAULT_MAX_RESPONSE_BYTES);
    try (RayClusterClient client = RayClusterClient.builder().endpoint(server.url("/")).build()) {
      assertEquals(8L * 1024 * 1024, client.maxResponseBytes());
    }
  }

  @Test
  void getRayCluster_whenAChunkedBodyRunsPastTheLimit_failsWithResponseLargerThanTheLimit() {
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
        .setChunkedBody(bigJson(64 * LIMIT), 4096));
    try (RayClusterClient client = limited(LIMIT).build()) {
      UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
          () -> client.getRayCluster("w", "c"));
      assertEquals(200, e.httpStatus());
      assertTrue(e.getMessage().startsWith("HTTP 200: response larger than 65536 bytes"), e.getMessage());
      assertTrue(e.bodySnippet().startsWith("{\"requestId\":\"xxx"), e.bodySnippet());
      assertInstanceOf(ResponseTooLargeException.class, e.getCause());
    }
  }

  @Test
  void getRayCluster_whenAGzipBodyInflatesPastTheLimit_countsTheDecodedBytes() throws IOException {
    Buffer bomb = gzipBomb(16 * 1024 * 1024);
    assertTrue(bomb.size() < LIMIT, "the compressed body alone is under the limit: " + bomb.size());
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
        .setHeader("Content-Encoding", "gzip").setBody(bomb));
    try (RayClusterClient client = limited(LIMIT).build()) {
      UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
          () -> client.getRayCluster("w", "c"));
      assertTrue(e.getMessage().contains("response larger than 65536 bytes"), e.getMessage());
    }
  }

  @Test
  void httpClient_readingABodyPastTheLimit_throwsResponseTooLargeInsteadOfBufferingIt() throws IOException {
    // What the CLI's get does: the raw response of client.httpClient(), read whole.
    server.enqueue(new MockResponse().setChunkedBody(bigJson(64 * LIMIT), 4096));
    try (RayClusterClient client = limited(LIMIT).build();
        Response response = client.httpClient().newCall(client.getRayClusterRequest("w", "c")).execute()) {
      ResponseTooLargeException e = assertThrows(ResponseTooLargeException.class, () -> response.body().bytes());
      assertEquals(LIMIT, e.limit());
      assertEquals("response larger than 65536 bytes", e.getMessage());
    }
  }

  @Test
  void httpClient_readingAGzipBombPastTheLimit_throwsResponseTooLarge() throws IOException {
    server.enqueue(new MockResponse().setHeader("Content-Encoding", "gzip").setBody(gzipBomb(16 * 1024 * 1024)));
    try (RayClusterClient client = limited(LIMIT).build();
        Response response = client.httpClient().newCall(client.getRayClusterRequest("w", "c")).execute()) {
      assertThrows(ResponseTooLargeException.class, () -> response.body().bytes());
    }
  }

  @Test
  void getRayCluster_whenTheBodyIsExactlyTheLimit_succeeds_andOneByteLessFails() {
    long size = DocumentedExample.json().getBytes(StandardCharsets.UTF_8).length;
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(DocumentedExample.json()));
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(DocumentedExample.json()));
    try (RayClusterClient exact = limited(size).build()) {
      assertEquals("ray-k7nm8ahl5te4tg91", exact.getRayCluster("w", "c").getClusterId());
    }
    try (RayClusterClient tooSmall = limited(size - 1).build()) {
      UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
          () -> tooSmall.getRayCluster("w", "c"));
      assertTrue(e.getMessage().contains("response larger than " + (size - 1) + " bytes"), e.getMessage());
    }
  }

  @Test
  void getRayCluster_whenEveryRetriedAttemptIsTooLarge_cutsEachAtTheLimit() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setResponseCode(503).setChunkedBody(bigJson(16 * LIMIT), 4096));
    }
    try (RayClusterClient client = limited(LIMIT).credentials(CredentialsProviders.of("LTAI-limit-key", "limit-secret"))
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).sleeper(d -> { }).build()).build()) {
      UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
          () -> client.getRayCluster("w", "c"));
      assertEquals(503, e.httpStatus());
      assertTrue(e.getMessage().contains("response larger than 65536 bytes"), e.getMessage());
    }
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void getRayClusterAsync_whenTheBodyRunsPastTheLimit_failsTheFuture() {
    server.enqueue(new MockResponse().setChunkedBody(bigJson(64 * LIMIT), 4096));
    try (RayClusterClient client = limited(LIMIT).build()) {
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> client.getRayClusterAsync("w", "c").get(10, TimeUnit.SECONDS));
      assertInstanceOf(UnexpectedResponseException.class, e.getCause());
    }
  }

  @Test
  void maxResponseBytes_ofLongMaxValue_isNoLimitAndDoesNotOverflow() {
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(DocumentedExample.json()));
    try (RayClusterClient client = limited(Long.MAX_VALUE).build()) {
      assertEquals("ray-k7nm8ahl5te4tg91", client.getRayCluster("w", "c").getClusterId());
    }
  }
}
