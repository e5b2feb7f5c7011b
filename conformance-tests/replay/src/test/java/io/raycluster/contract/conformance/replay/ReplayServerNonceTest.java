package io.raycluster.contract.conformance.replay;

import static io.raycluster.contract.conformance.replay.Fixtures.CLUSTER;
import static io.raycluster.contract.conformance.replay.Fixtures.KEY_ID;
import static io.raycluster.contract.conformance.replay.Fixtures.SECRET;
import static io.raycluster.contract.conformance.replay.Fixtures.WORKSPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The nonce memory keys on exactly what was signed: a request whose nonce could be read as
 * several (a comma, several headers) or as none is refused, so that no signed request is
 * accepted twice; the headers the gateway reads once may not be repeated; nonces are short.
 */
class ReplayServerNonceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private ReplayServer server;
  private String path;

  @BeforeEach
  void start() throws IOException {
    server = ReplayServer.builder().credential(KEY_ID, SECRET)
        .recordings(new ReplayRecordings().addBody(Fixtures.exampleBytes())).start();
    path = Fixtures.path(WORKSPACE, CLUSTER);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String send(String request, int expectedStatus) throws IOException {
    Wire.Answer a = Wire.exchange(server.port(), request);
    assertEquals(expectedStatus, a.status(), a.body());
    return a.status() == 200 ? "-" : JSON.readTree(a.body()).get("Code").asText();
  }

  private String signed(List<Map.Entry<String, String>> headers) {
    return Wire.signedGet(server.port(), path, headers, KEY_ID, SECRET);
  }

  /** The same headers with the nonce header(s) replaced by {@code nonces}, in that order. */
  private static List<Map.Entry<String, String>> withNonces(List<Map.Entry<String, String>> headers, String... nonces) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (Map.Entry<String, String> h : headers) {
      if (!h.getKey().equals("x-acs-signature-nonce")) {
        out.add(h);
      } else if (out.stream().noneMatch(e -> e.getKey().equals("x-acs-signature-nonce"))) {
        for (String n : nonces) {
          out.add(Map.entry("x-acs-signature-nonce", n));
        }
      }
    }
    return out;
  }

  /** {@code request} with its lines for the nonce replaced by {@code nonces}, the signature kept. */
  private static String resent(String request, String... nonces) {
    StringBuilder out = new StringBuilder();
    boolean done = false;
    for (String line : request.split("\r\n", -1)) {
      if (line.startsWith("x-acs-signature-nonce:")) {
        if (!done) {
          for (String n : nonces) {
            out.append("x-acs-signature-nonce: ").append(n).append("\r\n");
          }
          done = true;
        }
        continue;
      }
      out.append(line).append("\r\n");
    }
    return out.substring(0, out.length() - 2);
  }

  @Test
  void validRequest_isAcceptedOnce_thenSignatureNonceUsed() throws Exception {
    String request = signed(Wire.acsHeaders(server.port(), Wire.freshNonce()));
    assertEquals("-", send(request, 200));
    assertEquals("SignatureNonceUsed", send(request, 400));
  }

  @Test
  void nonceWithAComma_isRefused_andNoSplitOfItIsEverAccepted() throws Exception {
    String a = Wire.freshNonce();
    String b = Wire.freshNonce();
    String request = signed(Wire.acsHeaders(server.port(), a + "," + b));

    // Before: accepted, and again when resent as two headers a / b, and again as b / a.
    assertEquals("InvalidSignatureNonce", send(request, 400));
    assertEquals("InvalidSignatureNonce", send(resent(request, a, b), 400));
    assertEquals("InvalidSignatureNonce", send(resent(request, b, a), 400));
  }

  @Test
  void severalNonceHeaders_areRefused_inEitherOrder() throws Exception {
    String a = Wire.freshNonce();
    String b = Wire.freshNonce();
    String request = signed(withNonces(Wire.acsHeaders(server.port(), "x"), a, b));

    assertEquals("InvalidSignatureNonce", send(request, 400));
    assertEquals("InvalidSignatureNonce", send(resent(request, b, a), 400));
  }

  @Test
  void emptyNonce_isRefused() throws Exception {
    assertEquals("InvalidSignatureNonce", send(signed(Wire.acsHeaders(server.port(), "")), 400));
  }

  @Test
  void nonceLongerThan128Characters_isRefused_and128AreAccepted() throws Exception {
    assertEquals("InvalidSignatureNonce", send(signed(Wire.acsHeaders(server.port(), "a".repeat(129))), 400));
    assertEquals("-", send(signed(Wire.acsHeaders(server.port(), "b".repeat(128))), 200));
  }

  @Test
  void repeatedDateOrAuthorization_isRefused() throws Exception {
    List<Map.Entry<String, String>> headers = Wire.acsHeaders(server.port(), Wire.freshNonce());
    String date = Instant.now().toString().replaceAll("\\.\\d+Z$", "Z");
    headers.add(Map.entry("x-acs-date", date));
    // Before: the first date was checked, both were signed, and the request was accepted.
    assertEquals("IncompleteSignature", send(signed(headers), 400));

    String request = signed(Wire.acsHeaders(server.port(), Wire.freshNonce()));
    String authorization = request.substring(request.indexOf("Authorization: "), request.length() - 2);
    String twice = request.substring(0, request.length() - 2) + authorization + "\r\n";
    assertEquals("IncompleteSignature", send(twice, 400));
    assertEquals("-", send(request, 200), "the refused copies did not use the nonce");
  }

  @Test
  void nonceMemory_isBoundedInBytes_notInCount() {
    NonceCache cache = new NonceCache(Duration.ofMinutes(30), Integer.MAX_VALUE, 64 * 1024);
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    int accepted = 0;
    while (cache.use("n".repeat(120) + accepted, now) == NonceCache.Outcome.FRESH) {
      accepted++;
      assertTrue(accepted < 10_000, "the cache never said it was full");
    }
    assertTrue(cache.bytes() <= 64 * 1024, "charged " + cache.bytes());
    assertTrue(accepted > 64 * 1024 / NonceCache.cost("n".repeat(125)) - 2, "accepted " + accepted);
    assertEquals(NonceCache.Outcome.REUSED, cache.use("n".repeat(120) + 0, now), "a replay is still a replay");
    assertEquals(NonceCache.Outcome.FRESH, cache.use("fresh", now.plus(Duration.ofMinutes(31))), "old ones expire");
    assertEquals(NonceCache.cost("fresh"), cache.bytes());
  }
}
