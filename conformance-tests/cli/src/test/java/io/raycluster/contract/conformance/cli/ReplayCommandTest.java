package io.raycluster.contract.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.raycluster.contract.client.RayClusterClient;
import io.raycluster.contract.client.credentials.CredentialsProviders;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
  @TempDir Path dir;

  private final CliHarness cli = new CliHarness();

  private Path recording() throws Exception {
    Path file = dir.resolve("cluster.json");
    Files.writeString(file, "{\"requestId\":\"R-1\",\"clusterId\":\"ray-1\",\"state\":\"Starting\"}");
    return file;
  }

  @Test
  void replay_printsTheBaseUrlFirst_servesSignedCalls_andStopsOnSigterm() throws Exception {
    Path creds = dir.resolve("creds.json");
    Files.writeString(creds, "{\"my-key-id\": \"my-secret\"}");
    Process p = Subprocess.builder(dir, Map.of(), "replay", "--credentials", creds.toString(),
        recording().toString()).redirectError(dir.resolve("stderr.txt").toFile()).start();
    try {
      BufferedReader stdout = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String baseUrl = stdout.readLine();
      assertTrue(baseUrl != null && baseUrl.matches("http://127\\.0\\.0\\.1:\\d+"), "first line: " + baseUrl);

      try (RayClusterClient client = RayClusterClient.builder().endpoint(baseUrl)
          .credentials(CredentialsProviders.of("my-key-id", "my-secret")).build()) {
        assertEquals("ray-1", client.getRayCluster("any-workspace", "ray-1").getClusterId());
      }
    } finally {
      p.destroy(); // SIGTERM
      assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the server stops on SIGTERM");
    }
    // Before: 143, the JVM's status for SIGTERM, although --help says 0 is "stopped normally".
    assertEquals(0, p.exitValue(), "exit code on SIGTERM");
    String stderr = Files.readString(dir.resolve("stderr.txt"));
    assertTrue(stderr.contains("GET /api/v1/workspaces/any-workspace/rayCluster/ray-1 200 - "), stderr);
    assertTrue(stderr.contains("Replay server stopped."), stderr);
    assertTrue(!stderr.contains("my-secret"), stderr);
  }

  /** Starts {@code replay} in a child JVM; returns it once it printed its URL (in {@code url[0]}). */
  private Process startReplay(String[] url, String... args) throws Exception {
    Process p = Subprocess.builder(dir, Map.of(), args).redirectError(dir.resolve("stderr.txt").toFile()).start();
    BufferedReader stdout = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    url[0] = stdout.readLine();
    return p;
  }

  /**
   * Runs the command in-process, bounded: a run that wrongly starts serving would never return
   * (a failure, not a hang of the build).
   */
  private int runBounded(String... args) {
    return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> cli.run(args),
        "replay started serving instead of refusing its input");
  }

  private Path privateFile(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }
    return file;
  }

  @Test
  void replay_onSigint_exitsZero() throws Exception {
    String[] url = new String[1];
    Process p = startReplay(url, "replay", recording().toString());
    try {
      assertTrue(url[0] != null && url[0].startsWith("http://127.0.0.1:"), "first line: " + url[0]);
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
      assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -INT");
      assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the server stops on SIGINT");
    } finally {
      p.destroyForcibly();
    }
    // Before: 130, the JVM's status for SIGINT.
    assertEquals(0, p.exitValue(), "exit code on SIGINT (Ctrl-C)");
    assertTrue(Files.readString(dir.resolve("stderr.txt")).contains("Replay server stopped."));
  }

  @Test
  void replay_onEveryInterface_saysSo_andPrintsAUsableUrl() throws Exception {
    String[] url = new String[1];
    Process p = startReplay(url, "replay", "--host", "0.0.0.0", recording().toString());
    String stderr;
    try {
      // Before: http://[0:0:0:0:0:0:0:0]:PORT, and nothing said that other machines can reach it.
      assertTrue(url[0] != null && url[0].matches("http://127\\.0\\.0\\.1:\\d+"), "first line: " + url[0]);
      stderr = waitForStderr("Listening on every interface");
    } finally {
      p.destroy();
      p.waitFor(20, TimeUnit.SECONDS);
    }
    assertTrue(stderr.contains("Listening on every interface (--host 0.0.0.0), port "
        + url[0].substring(url[0].lastIndexOf(':') + 1) + ": other machines can reach this server; from this one use "
        + url[0]), stderr);
  }

  @Test
  void replay_withAWorldReadableCredentialsFile_warnsOnStandardError() throws Exception {
    Path creds = dir.resolve("creds.json");
    Files.writeString(creds, "{\"my-key-id\": \"my-secret\"}");
    assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Files.setPosixFilePermissions(creds, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    String[] url = new String[1];
    Process p = startReplay(url, "replay", "--credentials", creds.toString(), recording().toString());
    String stderr;
    try {
      stderr = waitForStderr("Accepting requests");
    } finally {
      p.destroy();
      p.waitFor(20, TimeUnit.SECONDS);
    }
    assertTrue(stderr.contains("raycluster-conformance replay: warning: " + creds + " holds secrets and every user of "
        + "this machine can read it (mode 0644"), stderr);
    assertTrue(!stderr.contains("my-secret"), stderr);
  }

  private String waitForStderr(String text) throws Exception {
    String stderr = "";
    for (int i = 0; i < 200 && !stderr.contains(text); i++) {
      Thread.sleep(50);
      stderr = Files.readString(dir.resolve("stderr.txt"));
    }
    return stderr;
  }

  @Test
  void replay_withACredentialsSyntaxError_reportsTheLineAndColumnOnly_neverTheText() throws Exception {
    Path creds = privateFile("creds.json", "{\"my-key\": SUPERSECRETVALUE123}");

    assertEquals(2, runBounded("replay", "--credentials", creds.toString(), recording().toString()));

    String e = cli.err();
    // Before: "... malformed JSON at line 1, column 32: Unrecognized token 'SUPERSECRETVALUE123': ..."
    assertTrue(!e.contains("SUPERSECRET"), e);
    assertTrue(e.matches("(?s).*creds\\.json at line 1, column \\d+: not valid JSON there.*"), e);
  }

  @Test
  void replay_withAnEmptyKeyId_exitsTwo() throws Exception {
    Path creds = privateFile("creds.json", "{\"\": \"the-secret-42\"}");

    // Before: accepted, and the server started.
    assertEquals(2, runBounded("replay", "--credentials", creds.toString(), recording().toString()));
    assertTrue(cli.err().contains("creds.json at line 1, column 2: an empty AccessKey id"), cli.err());
    assertTrue(!cli.err().contains("the-secret-42"), cli.err());
  }

  @Test
  void replay_withAFifoForCredentialsOrRecording_refusesItAtOnce() throws Exception {
    Path fifo = dir.resolve("pipe.json");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mk.waitFor() == 0 && Files.exists(fifo), "mkfifo is not available here");

    // Before: reading the recording blocked for ever, waiting for a writer.
    assertEquals(2, runBounded("replay", fifo.toString()));
    assertTrue(cli.err().contains(fifo + ": not a regular file (a FIFO, a device or a socket)"), cli.err());
    cli.reset();
    assertEquals(2, runBounded("replay", "--credentials", fifo.toString(), recording().toString()));
    assertTrue(cli.err().contains(fifo + ": not a regular file (a FIFO, a device or a socket)"), cli.err());
  }

  @Test
  void replay_withOneBadFileAmongGoodOnes_stopsWithTheWholeMessage() throws Exception {
    recording();
    Files.writeString(dir.resolve("missing-required.json"), "{\"requestId\":\"R\",\"state\":\"Running\"}");

    assertEquals(2, runBounded("replay", dir.toString()));
    // Before (newcomer's report): cut off after "a string \"clusterId\" to be served by".
    assertEquals("raycluster-conformance replay: " + dir.resolve("missing-required.json") + ": a bare recording answers "
        + "the requests of getRayCluster whose path values it carries, so it must be a JSON object with at least one "
        + "of [workspaceId, clusterId] as a non-empty string" + System.lineSeparator(), cli.err());
  }

  @Test
  void replay_withMalformedCredentialsFile_exitsTwoWithThePointer() throws Exception {
    Path creds = dir.resolve("creds.json");
    Files.writeString(creds, "{\"my-key-id\": 42}");

    assertEquals(2, cli.run("replay", "--credentials", creds.toString(), recording().toString()));

    String e = cli.err();
    assertTrue(e.contains("creds.json at /my-key-id: expected the secret of AccessKey id \"my-key-id\""), e);
  }

  @Test
  void replay_withAPortOutOfRange_exitsTwoInWords() throws Exception {
    assertEquals(2, cli.run("replay", "--port", "99999", recording().toString()));
    String e = cli.err();
    assertTrue(e.contains("port must be 0..65535"), e);
    assertTrue(!e.contains("Exception"), e);
  }

  @Test
  void replay_withAMissingCredentialsFile_exitsTwo() throws Exception {
    assertEquals(2, cli.run("replay", "--credentials", dir.resolve("none.json").toString(), recording().toString()));
    assertTrue(cli.err().contains("none.json: no such file"), cli.err());
    assertTrue(!cli.err().contains("Exception"), cli.err());
  }

  @Test
  void replay_withAMissingRecording_exitsTwoNamingIt() throws Exception {
    assertEquals(2, cli.run("replay", dir.resolve("nope.har").toString()));
    assertTrue(cli.err().contains("nope.har: no such file or directory"),
        cli.err());
  }

  @Test
  void replay_withARecordingWithoutClusterId_exitsTwo() throws Exception {
    Path file = dir.resolve("x.json");
    Files.writeString(file, "{\"requestId\":\"R\"}");
    assertEquals(2, cli.run("replay", file.toString()));
    assertTrue(cli.err().contains("clusterId"), cli.err());
  }
}
