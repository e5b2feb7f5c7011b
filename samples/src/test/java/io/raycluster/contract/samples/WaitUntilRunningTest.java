package io.raycluster.contract.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raycluster.contract.client.credentials.Environment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample against the embedded replay server; waits are recorded, not slept. */
class WaitUntilRunningTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<Duration> waits = new ArrayList<>();
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");

  private int run(String... args) {
    Clock clock = new Clock() {
      @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
      @Override public Clock withZone(java.time.ZoneId zone) { return this; }
      @Override public Instant instant() { return now; }
    };
    return WaitUntilRunning.run(args, Environment.of(Map.of(), dir),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        clock, d -> {
          waits.add(d);
          now = now.plus(d);
        });
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void startingThenRunning_pollsWithGrowingWaitsAndExits0() {
    assertEquals(0, run("--replay", "recordings/starting-then-running.har", "w-d2d82aa09155", "ray-q8w2e4r6t8y0u1i3"));

    assertTrue(out().contains("poll 1: Starting"), out());
    assertTrue(out().contains("poll 2: Starting"), out());
    assertTrue(out().contains("poll 3: Running"), out());
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofMillis(1500)), waits);
  }

  @Test
  void errorState_stopsWithTheClustersMessageAndExits1() throws Exception {
    Path rec = dir.resolve("error.json");
    Files.writeString(rec, "{\"requestId\":\"R\",\"clusterId\":\"ray-bad\",\"state\":\"Error\","
        + "\"message\":\"head pod failed: OOMKilled\"}");

    assertEquals(1, run("--replay", rec.toString(), "w-1", "ray-bad"));

    assertTrue(err.toString(StandardCharsets.UTF_8)
        .contains("Cluster ray-bad will not start: it is Error: head pod failed: OOMKilled"), err.toString(StandardCharsets.UTF_8));
    assertEquals(List.of(), waits);
  }

  @Test
  void neverRunning_givesUpAtTheTimeoutWithBackoffCappedAt15s() throws Exception {
    Path rec = dir.resolve("starting.json");
    Files.writeString(rec, "{\"requestId\":\"R\",\"clusterId\":\"ray-slow\",\"state\":\"Starting\"}");

    assertEquals(1, run("--replay", rec.toString(), "w-1", "ray-slow", "60"));

    assertTrue(err.toString(StandardCharsets.UTF_8).contains("is not running after 60 s (last state Starting)"),
        err.toString(StandardCharsets.UTF_8));
    long total = waits.stream().mapToLong(Duration::toMillis).sum();
    assertTrue(total <= 60_000, "waited " + total + " ms");
    assertTrue(waits.stream().allMatch(w -> w.compareTo(Duration.ofSeconds(15)) <= 0), waits.toString());
    assertTrue(waits.size() >= 4, waits.toString());
  }

  @Test
  void badTimeout_exits2() {
    assertEquals(2, run("--replay", "recordings", "w-1", "ray-1", "soon"));
    assertEquals(2, run("--replay", "recordings", "w-1", "ray-1", "-5"));
  }

  @Test
  void unknownOption_exits2() {
    assertEquals(2, run("--bogus", "w-1", "ray-1"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown option --bogus"), err.toString(StandardCharsets.UTF_8));
  }
}
