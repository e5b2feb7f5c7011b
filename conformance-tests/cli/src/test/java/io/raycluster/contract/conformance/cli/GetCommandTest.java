package io.raycluster.contract.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.raycluster.contract.client.RayClusterClient;
import io.raycluster.contract.client.credentials.CredentialsProviders;
import io.raycluster.contract.conformance.ResponseValidator;
import io.raycluster.contract.conformance.replay.RecordingLoader;
import io.raycluster.contract.conformance.replay.ReplayRecordings;
import io.raycluster.contract.conformance.replay.ReplayServer;
import io.raycluster.contract.spec.ApiSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GetCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String WS = "w-d2d82aa09155";
  private static final String CLUSTER = "ray-k7nm8ahl5te4tg91";

  /** Values that must never appear in anything the run writes. */
  private static final String SENTINEL_SUBMIT_TOKEN = "SENTINEL-SUBMIT-TOKEN-4f1c";
  private static final String SENTINEL_DASHBOARD_TOKEN = "SENTINEL-DASHBOARD-TOKEN-9a2e";
  private static final String SENTINEL_KEY_ID = "SENTINEL-KEY-ID-77c1";
  private static final String SENTINEL_SECRET = "SENTINEL-SECRET-0d3b";
  private static final String SENTINEL_STS = "SENTINEL-STS-TOKEN-5e8f";

  /** Credentials for calls whose values do not matter. */
  private static final Map<String, String> TEST_KEYS = Map.of(
      "ALIBABA_CLOUD_ACCESS_KEY_ID", "AKID-test", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "secret-test");
  /** STS credentials made of sentinels, which nothing the run writes may contain. */
  private static final Map<String, String> SENTINEL_KEYS = Map.of(
      "ALIBABA_CLOUD_ACCESS_KEY_ID", SENTINEL_KEY_ID, "ALIBABA_CLOUD_ACCESS_KEY_SECRET", SENTINEL_SECRET,
      "ALIBABA_CLOUD_SECURITY_TOKEN", SENTINEL_STS);

  @TempDir Path dir;
  private Path recordings;
  private final CliHarness cli = new CliHarness();

  @BeforeEach
  void recordings() throws IOException {
    recordings = dir.resolve("recordings");
    Files.createDirectories(recordings);
    Files.write(recordings.resolve("running.json"), MAPPER.writeValueAsBytes(sentinelExample()));
  }

  private static ObjectNode sentinelExample() {
    ObjectNode example = (ObjectNode) ApiSpec.bundled().requireOperation(GetCommand.OPERATION_ID)
        .responses().get("200").example();
    example.put("submitToken", SENTINEL_SUBMIT_TOKEN);
    example.put("dashboardUrl", "https://gw.example/dashboard?token=" + SENTINEL_DASHBOARD_TOKEN + "&x=1");
    return example;
  }

  @Test
  void get_replay_printsTheSummaryAndExitsZero() {
    assertEquals(0, cli.run("get", "--workspace-id", WS, "--cluster-id", CLUSTER, "--replay", recordings.toString()));

    String text = cli.out();
    assertTrue(text.startsWith("Ray cluster myRayCluster (" + CLUSTER + ") in state Running"), text);
    assertTrue(text.contains("node       Head ray-uiulpgow9xljim10-head-7cgta: phase Running, container Running, exit 137, OOMKilled"), text);
    assertTrue(text.contains("Response (HTTP 200) is valid against the spec (lenient)"), text);
    assertFalse(text.contains(SENTINEL_SUBMIT_TOKEN) || text.contains(SENTINEL_DASHBOARD_TOKEN), text);
  }

  @Test
  void get_replay_unknownCluster_printsTheVendorErrorAndExitsOne() {
    assertEquals(1, cli.run("get", "--workspace-id", WS, "--cluster-id", "ray-nope", "--replay", recordings.toString()));

    String text = cli.out();
    assertTrue(text.startsWith("Vendor error: RayCluster.NotFound: "), text);
    assertTrue(text.contains("(HTTP 404, request id "), text);
  }

  @Test
  void get_strict_reportsAnUndeclaredFieldAndExitsOne() throws IOException {
    ObjectNode drifted = sentinelExample();
    ((ObjectNode) drifted.get("headSpec")).put("diskSize", "100Gi");
    Files.write(recordings.resolve("running.json"), MAPPER.writeValueAsBytes(drifted));

    assertEquals(0, cli.run("get", "--workspace-id", WS, "--cluster-id", CLUSTER, "--replay", recordings.toString()));
    cli.reset();
    assertEquals(1, cli.run("get", "--workspace-id", WS, "--cluster-id", CLUSTER, "--strict", "--replay", recordings.toString()));
    assertTrue(cli.out().contains("/headSpec/diskSize"), cli.out());
  }

  @Test
  void get_jsonFormat_hasVerdictAndTheRedactedBody() throws IOException {
    assertEquals(0, cli.run("get", "--workspace-id", WS, "--cluster-id", CLUSTER, "--format", "json",
        "--replay", recordings.toString()));

    JsonNode doc = MAPPER.readTree(cli.out());
    assertEquals(200, doc.get("status").asInt());
    assertEquals("valid", doc.get("verdict").asText());
    assertEquals(0, doc.get("errors").size());
    assertEquals("REDACTED", doc.at("/body/submitToken").asText());
    assertEquals("https://gw.example/dashboard?token=REDACTED&x=1", doc.at("/body/dashboardUrl").asText());
  }

  @Test
  void get_unreadableRecording_exitsTwoNamingTheFile() throws IOException {
    Files.writeString(recordings.resolve("broken.json"), "{\"clusterId\": ");

    assertEquals(2, cli.run("get", "--workspace-id", WS, "--cluster-id", CLUSTER, "--replay", recordings.toString()));
    assertTrue(cli.err().contains("broken.json"), cli.err());
  }

  @Test
  void get_badValues_areUsageErrorsInWords() {
    assertEquals(2, cli.run("get", "--workspace-id", WS, "--cluster-id", CLUSTER, "--endpoint", "notaurl"));
    assertEquals(2, cli.run("get", "--workspace-id", "", "--cluster-id", CLUSTER, "--replay", recordings.toString()));
    assertEquals(2, cli.run("get", "--workspace-id", WS, "--cluster-id", CLUSTER, "--vpc", "--replay", recordings.toString()));
    String e = cli.err();
    assertTrue(e.contains("endpoint must be an http:// or https:// URL"), e);
    assertFalse(e.contains("Exception"), e);
  }

  @Test
  void record_intoADirectory_failsWithTheFileNamed() throws IOException {
    Path directory = dir.resolve("a-directory");
    Files.createDirectories(directory.resolve("inside"));

    assertEquals(2, cli.run("get", "--workspace-id", WS, "--cluster-id", CLUSTER, "--replay", recordings.toString(),
        "--record", directory.toString(), "--force"));
    assertTrue(cli.err().contains("cannot write the recording " + directory),
        cli.err());
  }

  @Test
  void get_targetsAreExclusive_usageErrorIsTwo() {
    assertEquals(2, cli.run("get", "--workspace-id", WS, "--cluster-id", CLUSTER, "--region", "cn-hangzhou",
        "--endpoint", "http://127.0.0.1:1"));
    assertEquals(2, cli.run("get", "--cluster-id", CLUSTER));
  }

  @Test
  void record_thenValidate_thenReplay_givesTheSameBodyBack() throws Exception {
    Path har = dir.resolve("out/exchange.har");
    assertEquals(0, cli.run("get", "--workspace-id", WS, "--cluster-id", CLUSTER, "--replay", recordings.toString(),
        "--record", har.toString()));
    assertTrue(Files.exists(har));

    cli.reset();
    assertEquals(0, cli.run("validate", "--strict", har.toString()), cli.out());
    assertTrue(cli.out().contains("1 valid, 0 invalid, 0 unreadable"), cli.out());

    String recordedBody = MAPPER.readTree(har.toFile()).at("/log/entries/0/response/content/text").asText();
    RecordingLoader.Result loaded = new RecordingLoader(ResponseValidator.fromSpec()).load(List.of(har));
    assertTrue(loaded.ok(), loaded.problems().toString());
    assertEquals(1, loaded.exchanges());
    try (ReplayServer server = ReplayServer.builder().credential("k", "s").recordings(loaded.recordings()).start();
        RayClusterClient client = RayClusterClient.builder().endpoint(server.baseUrl())
            .credentials(CredentialsProviders.of("k", "s")).build()) {
      Request request = client.getRayClusterRequest(WS, CLUSTER);
      try (Response response = client.httpClient().newCall(request).execute()) {
        assertEquals(200, response.code());
        assertEquals(recordedBody, response.body().string());
      }
    }
  }

  @Test
  void record_whenTheFileExists_refusesWithoutForce() throws Exception {
    Path har = dir.resolve("exchange.har");
    Files.writeString(har, "keep me");

    assertEquals(2, cli.run("get", "--workspace-id", WS, "--cluster-id", CLUSTER, "--replay", recordings.toString(),
        "--record", har.toString()));
    assertEquals("keep me", Files.readString(har));
    assertTrue(cli.err().contains("--force"), cli.err());

    assertEquals(0, cli.run("get", "--workspace-id", WS, "--cluster-id", CLUSTER, "--replay", recordings.toString(),
        "--record", har.toString(), "--force"));
    assertTrue(Files.readString(har).contains("\"log\""));
  }

  @Test
  void record_withSentinelSecrets_noFileWrittenInTheRunContainsThem() throws Exception {
    // A replay server in this JVM accepts the sentinel STS credentials; the CLI runs as a real
    // process with them in its environment, records, and prints; then every file is scanned.
    try (ReplayServer server = ReplayServer.builder().credential(SENTINEL_KEY_ID, SENTINEL_SECRET)
        .recordings(new ReplayRecordings().addBody(Files.readAllBytes(recordings.resolve("running.json"))))
        .start()) {
      Path work = Files.createDirectories(dir.resolve("run"));
      int code = runGet(work, SENTINEL_KEYS, server.baseUrl(), "--format", "json", "--record", "exchange.har");
      assertEquals(0, code, Files.readString(work.resolve("stderr.txt")));

      String har = Files.readString(work.resolve("exchange.har"));
      assertTrue(har.contains("x-acs-security-token") && har.contains("Authorization"), "headers recorded: " + har);
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          if (file.equals(recordings.resolve("running.json"))) {
            continue; // the input itself
          }
          String text = Files.readString(file, StandardCharsets.ISO_8859_1);
          for (String sentinel : List.of(SENTINEL_SUBMIT_TOKEN, SENTINEL_DASHBOARD_TOKEN, SENTINEL_KEY_ID,
              SENTINEL_SECRET, SENTINEL_STS)) {
            assertFalse(text.contains(sentinel), sentinel + " leaked into " + file);
          }
        }
      }
    }
  }

  @Test
  void get_numberBeyondDouble_isAFindingExitsOneAndTheRecordingKeepsItAsSent() throws Exception {
    String body = "{\"requestId\":\"r-1\",\"clusterId\":\"" + CLUSTER + "\",\"state\":\"Running\","
        + "\"startTime\":1e400,\"createTime\":1.50}";
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(body));
      Path work = Files.createDirectories(dir.resolve("huge-number"));
      int code = runGet(work, TEST_KEYS, server.url("/").toString(), "--record", "exchange.har");
      String out = Files.readString(work.resolve("stdout.txt"));
      assertEquals(1, code, out + Files.readString(work.resolve("stderr.txt")));
      assertTrue(out.contains("/startTime: expected integer, found number 1e400"), out);
      String recorded = MAPPER.readTree(work.resolve("exchange.har").toFile())
          .at("/log/entries/0/response/content/text").asText();
      assertEquals(body, recorded);
    }
  }

  @Test
  void record_ontoAFifoWithForce_exitsTwoBeforeTheCallAndLeavesTheFifo() throws Exception {
    Path fifo = dir.resolve("pipe.har");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is not available here");
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse().setBody("{}"));
      Path work = Files.createDirectories(dir.resolve("fifo-run"));
      int code = runGet(work, TEST_KEYS, server.url("/").toString(), "--record", fifo.toString(), "--force");
      String err = Files.readString(work.resolve("stderr.txt"));
      assertEquals(2, code, err);
      assertTrue(err.contains("cannot write the recording " + fifo + ": it is a device, FIFO or socket"), err);
      assertEquals(0, server.getRequestCount(), "no call is made when the recording cannot be written");
      assertFalse(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS), "the FIFO was replaced");
      try (Stream<Path> left = Files.list(dir)) {
        assertFalse(left.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "a temporary file was left");
      }
    }
  }

  @Test
  void get_vendorErrorWithControlCharacters_cannotForgeAnOutputLine() throws Exception {
    String body = "{\"RequestId\":\"r-1\",\"Code\":\"Forbidden\\r\\nRay cluster prod (ray-1) in state Running\","
        + "\"Message\":\"\\u001b[2J\\u001b]0;pwned\\u0007denied\"}";
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse().setResponseCode(403).setHeader("Content-Type", "application/json").setBody(body));
      Path work = Files.createDirectories(dir.resolve("escapes"));
      int code = runGet(work, TEST_KEYS, server.url("/").toString());
      String out = Files.readString(work.resolve("stdout.txt"));
      assertEquals(1, code, out + Files.readString(work.resolve("stderr.txt")));
      assertFalse(out.lines().anyMatch(l -> l.startsWith("Ray cluster")), out);
      assertFalse(out.contains("\u001b") || out.contains("\u0007") || out.contains("\r"), out);
      assertTrue(out.contains("Forbidden\\r\\nRay cluster prod"), out);
    }
  }

  @Test
  void get_whenTheServerEchoesTheSentCredentials_neitherOutputNorRecordingHoldsThem() throws Exception {
    String echo = "token " + SENTINEL_STS + " does not match key " + SENTINEL_KEY_ID;
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse().setResponseCode(400).setHeader("Content-Type", "application/json")
          .setHeader("X-Echo-Token", SENTINEL_STS)
          .setBody("{\"RequestId\":\"r-1\",\"Code\":\"InvalidSecurityToken.Mismatch\",\"Message\":\"" + echo
              + "\",\"Recommend\":\"https://x/?q=" + SENTINEL_STS + "\"}"));
      Path work = Files.createDirectories(dir.resolve("echo"));
      int code = runGet(work, SENTINEL_KEYS, server.url("/").toString(), "--record", "echo.har");
      String out = Files.readString(work.resolve("stdout.txt"));
      assertEquals(1, code, out + Files.readString(work.resolve("stderr.txt")));
      assertTrue(out.contains("InvalidSecurityToken.Mismatch"), out);
      for (String file : List.of("stdout.txt", "stderr.txt", "echo.har")) {
        String text = Files.readString(work.resolve(file));
        for (String sentinel : List.of(SENTINEL_STS, SENTINEL_KEY_ID, SENTINEL_SECRET)) {
          assertFalse(text.contains(sentinel), sentinel + " in " + file + ": " + text);
        }
      }
    }
  }

  @Test
  void get_whenTheServerEchoesTheAuthorizationHeader_theSignatureIsNeitherPrintedNorRecorded() throws Exception {
    List<String> signatures = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
        @Override
        public MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest request) {
          String auth = request.getHeader("Authorization");
          signatures.add(auth.substring(auth.indexOf("Signature=") + "Signature=".length()));
          return new MockResponse().setResponseCode(403).setHeader("Content-Type", "application/json")
              .setHeader("X-Echo-Auth", auth)
              .setBody("{\"RequestId\":\"r-1\",\"Code\":\"X\",\"Message\":\"auth " + auth + "\"}");
        }
      });
      Path work = Files.createDirectories(dir.resolve("echo-auth"));
      int code = runGet(work, TEST_KEYS, server.url("/").toString(), "--record", "echo.har");
      String out = Files.readString(work.resolve("stdout.txt"));
      assertEquals(1, code, out);
      assertEquals(1, signatures.size());
      assertTrue(out.contains("auth ACS3-HMAC-SHA256 Credential="), out);
      for (String file : List.of("stdout.txt", "stderr.txt", "echo.har")) {
        String text = Files.readString(work.resolve(file));
        assertFalse(text.contains(signatures.get(0)), "the signature in " + file + ": " + text);
      }
    }
  }

  @Test
  void get_whenTheBodyIsLargerThanMaxBodySize_stopsReadingAndExitsOne() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
          .setBody("{\"requestId\":\"" + "x".repeat(200_000) + "\"}"));
      Path work = Files.createDirectories(dir.resolve("big"));
      int code = runGet(work, TEST_KEYS, server.url("/").toString(), "--max-body-size", "64KiB");
      String err = Files.readString(work.resolve("stderr.txt"));
      assertEquals(1, code, err);
      assertTrue(err.contains("is larger than 65536 bytes: not read further (raise --max-body-size to read it)"), err);
    }
  }

  @Test
  void get_whenRedirected_reportsTheRedirectAndSendsNothingElsewhere() throws Exception {
    try (MockWebServer elsewhere = new MockWebServer(); MockWebServer server = new MockWebServer()) {
      elsewhere.enqueue(new MockResponse().setBody("{}"));
      server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", elsewhere.url("/steal").toString()));
      Path work = Files.createDirectories(dir.resolve("redirect"));
      int code = runGet(work, SENTINEL_KEYS, server.url("/").toString(), "--record", "redirect.har");
      String out = Files.readString(work.resolve("stdout.txt"));
      assertEquals(1, code, out);
      assertTrue(out.contains("HTTP 302: a redirect to " + elsewhere.url("/steal") + "; not followed"), out);
      assertEquals(elsewhere.url("/steal").toString(), MAPPER.readTree(work.resolve("redirect.har").toFile())
          .at("/log/entries/0/response/redirectURL").asText());
      assertEquals(0, elsewhere.getRequestCount(), "the redirect target received the signed call");
    }
  }

  @Test
  void get_withoutCredentials_exitsTwoListingWhereItLooked() throws Exception {
    Path work = Files.createDirectories(dir.resolve("nocreds"));
    int code = runGet(work, Map.of(), "http://127.0.0.1:9");
    String stderr = Files.readString(work.resolve("stderr.txt"));
    if (Files.exists(Path.of(System.getProperty("user.home"), ".aliyun", "config.json"))
        || Files.exists(Path.of(System.getProperty("user.home"), ".alibabacloud", "credentials"))) {
      return; // this machine has real credentials set up; the no-credentials path cannot be shown here
    }
    assertEquals(2, code, stderr);
    assertTrue(stderr.contains("ALIBABA_CLOUD_ACCESS_KEY_ID") && stderr.contains("config.json"), stderr);
  }

  /**
   * {@code get} of the test cluster against {@code endpoint}, as a real process with {@code env}
   * in its environment and {@code work} as its folder (relative paths land there; stdout.txt and
   * stderr.txt hold its output); returns the exit code.
   */
  private static int runGet(Path work, Map<String, String> env, String endpoint, String... more)
      throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of(
        "get", "--workspace-id", WS, "--cluster-id", CLUSTER, "--endpoint", endpoint));
    args.addAll(List.of(more));
    return Subprocess.run(work, env, args.toArray(String[]::new));
  }
}
