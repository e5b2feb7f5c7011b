package io.raycluster.contract.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raycluster.contract.client.credentials.Environment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GetClusterSummaryTest {
  @TempDir
  Path home;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    return GetClusterSummary.run(args, Environment.of(env, home),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void withoutCredentials_exits2_sayingWhereItLooked() {
    assertEquals(2, run(Map.of(), "w-d2d82aa09155", "ray-k7nm8ahl5te4tg91", "cn-hangzhou"));
    assertTrue(err().contains("No Alibaba Cloud credentials found"), err());
    assertTrue(err().contains("ALIBABA_CLOUD_ACCESS_KEY_ID"), err());
    assertTrue(err().contains(home.resolve(".aliyun/config.json").toString()), err());
  }

  @Test
  void withCredentialsButNoRegion_exits2_sayingWhereItLooked() {
    assertEquals(2, run(Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIsample", "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
        "sample-secret"), "w-1", "ray-1"));
    assertTrue(err().contains("no region"), err());
    assertTrue(!out.toString(StandardCharsets.UTF_8).contains("sample-secret"));
  }

  @Test
  void withUnknownRegion_exits2_listingTheKnownOnes() {
    assertEquals(2, run(Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIsample", "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
        "sample-secret"), "w-1", "ray-1", "xx-nowhere-1"));
    assertTrue(err().contains("cn-hangzhou"), err());
  }

  @Test
  void withReplay_printsTheRecordedClusterAndExits0() {
    assertEquals(0, run(Map.of(), "--replay", "recordings", "w-d2d82aa09155", "ray-q8w2e4r6t8y0u1i3"));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("from the replay server at http://127.0.0.1:"), text);
    assertTrue(text.contains("Ray cluster ") && text.contains("(ray-q8w2e4r6t8y0u1i3) in state Starting"), text);
    assertTrue(!text.contains("token="), text);
  }

  @Test
  void withReplay_unknownCluster_exits1WithTheVendorError() {
    assertEquals(1, run(Map.of(), "--replay", "recordings", "w-d2d82aa09155", "ray-none"));
    assertTrue(err().contains("RayCluster.NotFound"), err());
  }

  @Test
  void withoutArguments_exits2_withUsage() {
    assertEquals(2, run(Map.of()));
    assertTrue(err().startsWith("Usage:"), err());
  }
}
