package io.raycluster.contract.conformance.replay;

import static io.raycluster.contract.conformance.replay.Fixtures.KEY_ID;
import static io.raycluster.contract.conformance.replay.Fixtures.SECRET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.raycluster.contract.conformance.ResponseValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the loader serves is what was recorded; what cannot be sent as recorded is refused at load, said where. */
class RecordingLoaderTest {
  @TempDir Path dir;

  private static RecordingLoader.Result load(Path... paths) {
    return new RecordingLoader(ResponseValidator.fromSpec()).load(List.of(paths));
  }

  private Path har(String name, int status, String headersJson) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, "{\"log\": {\"version\": \"1.2\", \"creator\": {\"name\": \"t\", \"version\": \"1\"}, "
        + "\"entries\": [{\"request\": {\"method\": \"GET\", \"url\": \"https://h/api/v1/workspaces/w/rayCluster/ok\"}, "
        + "\"response\": {\"status\": 200, \"headers\": [], \"content\": {\"text\": \"{}\"}}}, "
        + "{\"request\": {\"method\": \"GET\", \"url\": \"https://h/api/v1/workspaces/w/rayCluster/odd\"}, "
        + "\"response\": {\"status\": " + status + ", \"headers\": " + headersJson
        + ", \"content\": {\"text\": \"{}\"}}}]}}");
    return file;
  }

  @Test
  void bareJsonBody_isServedByteForByte() throws Exception {
    String recorded = "{\"clusterId\":\"ray-fid\",\"createTime\":1E2,\"x\":1.50,\"startTime\":1e400,"
        + "\"big\":1.000000000000000000001,\"s\":\"\\u00e9\\/\"}";
    Path file = dir.resolve("fid.json");
    Files.writeString(file, recorded);
    RecordingLoader.Result loaded = load(file);
    assertTrue(loaded.ok(), loaded.problems().toString());

    try (ReplayServer server = ReplayServer.builder().credential(KEY_ID, SECRET).recordings(loaded.recordings()).start();
        Response r = new OkHttpClient().newCall(signedGet(server, "ray-fid")).execute()) {
      assertEquals(200, r.code());
      // Before: {"clusterId":"ray-fid","createTime":100.0,"x":1.5,"startTime":"Infinity",...}
      assertArrayEquals(recorded.getBytes(StandardCharsets.UTF_8), r.body().bytes());
    }
  }

  private static Request signedGet(ReplayServer server, String clusterId) {
    okhttp3.HttpUrl url = okhttp3.HttpUrl.get(server.baseUrl() + Fixtures.path("w", clusterId));
    return Fixtures.signedGet(url, Fixtures.acsHeaders(url, java.time.Instant.now()), KEY_ID, SECRET);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 99, 100, 101, 199, 600, 999, 1000})
  void harEntryWithAStatusOutside200To599_isRefusedAtLoad_namingTheFileAndTheEntry(int status) throws Exception {
    RecordingLoader.Result loaded = load(har("odd.har", status, "[]"));

    assertEquals(1, loaded.problems().size(), loaded.problems().toString());
    String p = loaded.problems().get(0);
    assertTrue(p.startsWith(dir.resolve("odd.har") + " at /log/entries/1/response/status: expected an HTTP status "
        + "from 200 to 599, found " + status), p);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\\r\\nSet-Cookie: evil=1", "a\\r\\n Set-Cookie: evil=1", "a\\nb", "a\\rb", "a\\u0000b",
      "a\\u001bb"})
  void harHeaderValueWithCrLfNulOrAFold_isRefusedAtLoad_namingTheFileAndThePointer(String value) throws Exception {
    RecordingLoader.Result loaded = load(har("hdr.har", 200,
        "[{\"name\": \"Content-Type\", \"value\": \"application/json\"}, {\"name\": \"X-Odd\", \"value\": \"" + value + "\"}]"));

    assertEquals(1, loaded.problems().size(), loaded.problems().toString());
    String p = loaded.problems().get(0);
    assertTrue(p.startsWith(dir.resolve("hdr.har") + " at /log/entries/1/response/headers/1/value: expected a header "
        + "value without control characters"), p);
    assertTrue(p.contains("of header \"X-Odd\""), p);
  }

  @ParameterizedTest
  @ValueSource(strings = {"X Odd", "X-Odd:", "", "X\\r\\nY", "Ünicode"})
  void harHeaderNameThatIsNoToken_isRefusedAtLoad_namingTheFileAndThePointer(String name) throws Exception {
    RecordingLoader.Result loaded = load(har("name.har", 200, "[{\"name\": \"" + name + "\", \"value\": \"v\"}]"));

    assertEquals(1, loaded.problems().size(), loaded.problems().toString());
    assertTrue(loaded.problems().get(0).startsWith(dir.resolve("name.har")
        + " at /log/entries/1/response/headers/0/name: expected a header name"), loaded.problems().get(0));
  }

  @Test
  void harWithValidStatusesAndHeaders_loadsEveryEntry() throws Exception {
    RecordingLoader.Result loaded = load(har("fine.har", 503, "[{\"name\": \"Retry-After\", \"value\": \"5\\tx\"}]"));
    assertTrue(loaded.ok(), loaded.problems().toString());
    assertEquals(2, loaded.exchanges());
  }

  @Test
  void fifoGivenAsARecording_isRefusedAtOnce_neverOpened() throws Exception {
    Path fifo = dir.resolve("fifo.json");
    assumeTrue(mkfifo(fifo), "mkfifo is not available here");

    RecordingLoader.Result loaded = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> load(fifo),
        "opening a FIFO without a writer blocks: it must not be opened");
    assertEquals(List.of(fifo + ": not a regular file (a FIFO, a device or a socket); expected a *.json or *.har "
        + "file, or a directory of them"), loaded.problems());
  }

  static boolean mkfifo(Path path) {
    try {
      Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
      return p.waitFor() == 0 && Files.exists(path) && !Files.isRegularFile(path);
    } catch (Exception e) {
      return false;
    }
  }
}
