package io.raycluster.contract.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raycluster.contract.client.RayClusterClient;
import io.raycluster.contract.client.credentials.CredentialsProviders;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    String stderr = Files.readString(dir.resolve("stderr.txt"));
    assertTrue(stderr.contains("GET /api/v1/workspaces/any-workspace/rayCluster/ray-1 200 - "), stderr);
    assertTrue(stderr.contains("Replay server stopped."), stderr);
    assertTrue(!stderr.contains("my-secret"), stderr);
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
