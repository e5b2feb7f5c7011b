package io.raycluster.contract.conformance.replay;

import static io.raycluster.contract.conformance.replay.Fixtures.KEY_ID;
import static io.raycluster.contract.conformance.replay.Fixtures.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests the server cannot take as they are still get a status in the vendor's format, and
 * every request, refused or not, is exactly one log line, safe to print.
 */
class ReplayServerProtocolTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
  private ReplayServer server;

  @BeforeEach
  void start() throws IOException {
    server = ReplayServer.builder().credential(KEY_ID, SECRET)
        .recordings(new ReplayRecordings().addBody(Fixtures.exampleBytes()))
        .log(log::add)
        .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String codeOf(Wire.Answer answer) throws IOException {
    JsonNode body = JSON.readTree(answer.body());
    for (String field : List.of("RequestId", "HostId", "Code", "Message", "Recommend")) {
      assertTrue(body.hasNonNull(field), field + " in " + body);
    }
    return body.get("Code").asText();
  }

  @Test
  void urlLongerThanTheHeadLimit_is414InTheVendorFormat() throws Exception {
    Wire.Answer a = Wire.exchange(server.port(), "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    assertEquals(414, a.status());
    assertEquals("RequestURITooLong", codeOf(a));
  }

  @Test
  void headersLargerThanTheLimit_are431InTheVendorFormat() throws Exception {
    Wire.Answer a = Wire.exchange(server.port(), "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
    assertEquals(431, a.status());
    assertEquals("RequestHeaderFieldsTooLarge", codeOf(a));
  }

  @Test
  void moreHeaderFieldsThanTheLimit_are431InTheVendorFormat() throws Exception {
    StringBuilder r = new StringBuilder("GET / HTTP/1.1\r\nHost: x\r\n");
    for (int i = 0; i < 300; i++) {
      r.append("X-").append(i).append(": a\r\n");
    }
    Wire.Answer a = Wire.exchange(server.port(), r.append("\r\n").toString());
    assertEquals(431, a.status());
    assertEquals("RequestHeaderFieldsTooLarge", codeOf(a));
  }

  @Test
  void malformedChunkedBody_is400Not500() throws Exception {
    Wire.Answer a = Wire.exchange(server.port(), "POST " + Fixtures.path("w", "c") + " HTTP/1.1\r\nHost: x\r\n"
        + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n");
    assertEquals(400, a.status());
    assertEquals("MalformedRequest", codeOf(a));
  }

  @Test
  void bodyLargerThan64KiB_is413() throws Exception {
    Wire.Answer a = Wire.exchange(server.port(), "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 70000\r\n\r\n"
        + "a".repeat(70_000));
    assertEquals(413, a.status());
    assertEquals("InvalidParameter", codeOf(a));
    Wire.Answer chunked = Wire.exchange(server.port(), "POST " + Fixtures.path("w", "c") + " HTTP/1.1\r\nHost: x\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n10000\r\n" + "a".repeat(65_536) + "\r\n1\r\nb\r\n0\r\n\r\n");
    assertEquals(413, chunked.status());
  }

  @Test
  void headRequest_isAnsweredWithoutBody_andWithoutAnyWarningOutsideItsLogLine() throws Exception {
    List<LogRecord> warnings = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
          warnings.add(r);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger root = Logger.getLogger("");
    root.addHandler(capture);
    try {
      Wire.Answer a = Wire.exchange(server.port(),
          "HEAD " + Fixtures.path("w", "c") + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      assertEquals(404, a.status());
      assertEquals("", a.body());
      waitForLines(1);
    } finally {
      root.removeHandler(capture);
    }
    // Before: the JDK server logged "WARNING: sendResponseHeaders: being invoked with a content length for a HEAD request".
    assertTrue(warnings.isEmpty(), () -> "warnings: " + warnings.stream().map(LogRecord::getMessage).toList());
    assertEquals(1, log.size(), log.toString());
    assertTrue(log.peek().contains(" HEAD ") && log.peek().contains(" 404 InvalidAction.NotFound "), log.peek());
  }

  @Test
  void controlCharactersInTheRequest_neverReachTheLogRaw() throws Exception {
    Wire.Answer a = Wire.exchange(server.port(), "\u001b]0;pwned\u0007 /x HTTP/1.1\r\nHost: x\r\n\r\n");
    assertEquals(400, a.status());
    List<String> lines = waitForLines(1);
    assertEquals(1, lines.size(), lines.toString());
    for (String line : lines) {
      assertFalse(line.chars().anyMatch(c -> c < 0x20 || c == 0x7f), line);
    }
  }

  @Test
  void everyRefusedRequest_isExactlyOneLogLine() throws Exception {
    Wire.exchange(server.port(), "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    Wire.exchange(server.port(), "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
    Wire.exchange(server.port(), "NOT HTTP AT ALL\r\n\r\n");
    Wire.exchange(server.port(), "GET /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    List<String> lines = waitForLines(4);
    assertEquals(4, lines.size(), lines.toString());
    for (String line : lines) {
      assertTrue(line.matches("\\S+ \\S+ \\S+ \\d{3} \\S+ \\d+ms"), line);
    }
  }

  @Test
  void longPath_isCutInTheLogWithAMarker() throws Exception {
    String path = "/api/v1/workspaces/" + "w".repeat(10_000) + "/rayCluster/c";
    Wire.exchange(server.port(), "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    String line = waitForLines(1).get(0);
    assertTrue(line.length() < 400, () -> line.length() + " characters: " + line);
    assertTrue(line.contains("...[" + (path.length() - LogLine.MAX_PATH) + " more chars]"), line);
  }

  private List<String> waitForLines(int n) throws InterruptedException {
    // The log line is written after the response is sent, so it can trail the client by a moment.
    for (int i = 0; i < 500 && log.size() < n; i++) {
      Thread.sleep(10);
    }
    Thread.sleep(50); // and no second line for the same request
    return new ArrayList<>(log);
  }
}
