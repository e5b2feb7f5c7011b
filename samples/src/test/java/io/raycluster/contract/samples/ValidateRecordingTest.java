package io.raycluster.contract.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateRecordingTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ValidateRecording.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void sampleHar_isValidEntryByEntry() {
    assertEquals(0, run("--strict", "recordings/starting-then-running.har"));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("recordings/starting-then-running.har entry 2: valid"), text);
  }

  @Test
  void invalidBody_printsThePointerAndExits1() throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"requestId\":\"r\",\"clusterId\":\"c\",\"state\":\"Running\",\"workerSpec\":[{\"maxReplica\":\"10\"}]}");

    assertEquals(1, run(file.toString()));

    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains(file + ": invalid"), text);
    assertTrue(text.contains("/workerSpec/0/maxReplica: expected integer, found string \"10\""), text);
  }

  @Test
  void missingFile_exits2() {
    assertEquals(2, run(dir.resolve("nope.json").toString()));
  }
}
