package io.raycluster.contract.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class CliTest {
  private static final String VALID = "{\"requestId\":\"r\",\"clusterId\":\"c\",\"state\":\"Running\"}";
  private static final String INVALID =
      "{\"requestId\":\"r\",\"clusterId\":\"c\",\"state\":\"Running\",\"workerSpec\":[{},{\"maxReplica\":\"10\"}]}";

  @TempDir Path dir;
  private final CliHarness cli = new CliHarness();

  @BeforeEach
  void files() throws Exception {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("a.json"), VALID);
    Files.writeString(dir.resolve("sub/b.json"), VALID);
    Files.writeString(dir.resolve("sub/ignored.txt"), "not looked at");
  }

  @Test
  void validate_whenEverythingValid_exitsZeroWithOneLinePerFileAndSummary() {
    assertEquals(0, cli.run("validate", dir.toString()));
    String text = cli.out();
    assertTrue(text.contains("VALID       " + dir.resolve("a.json")), text);
    assertTrue(text.contains("VALID       " + dir.resolve("sub/b.json")), text);
    assertFalse(text.contains("ignored.txt"), text);
    assertTrue(text.contains("2 responses in 2 files: 2 valid, 0 invalid, 0 unreadable"), text);
    assertEquals("", cli.err(), "nothing on stderr when not a terminal");
  }

  @Test
  void validate_whenOneInvalid_exitsOneAndIndentsTheFinding() throws Exception {
    Files.writeString(dir.resolve("bad.json"), INVALID);
    assertEquals(1, cli.run("validate", dir.toString()));
    assertTrue(cli.out().contains("INVALID     " + dir.resolve("bad.json") + "\n"
        + "    /workerSpec/1/maxReplica: expected integer, found string \"10\"  [type]"), cli.out());
  }

  @Test
  void validate_whenUnreadable_exitsOneAndGoesOn() throws Exception {
    Files.writeString(dir.resolve("0-empty.json"), "");
    assertEquals(1, cli.run("validate", dir.toString()));
    assertTrue(cli.out().contains("UNREADABLE  " + dir.resolve("0-empty.json")), cli.out());
    assertTrue(cli.out().contains("1 unreadable"), cli.out());
    assertTrue(cli.out().contains("VALID       " + dir.resolve("sub/b.json")), cli.out());
  }

  @Test
  void validate_whenPathMissing_exitsTwo() {
    assertEquals(2, cli.run("validate", dir.resolve("nope.json").toString()));
    assertTrue(cli.err().contains("No such file or directory"));
  }

  @Test
  void validate_whenDirectoryHasNoRecordings_exitsTwo() throws Exception {
    Files.createDirectories(dir.resolve("empty"));
    assertEquals(2, cli.run("validate", dir.resolve("empty").toString()));
    assertTrue(cli.err().contains("No *.json or *.har file"));
  }

  @Test
  void validate_whenUnknownOption_exitsTwo() {
    assertEquals(2, cli.run("validate", "--bogus", dir.toString()));
  }

  @Test
  void validate_whenNoPath_exitsTwo() {
    assertEquals(2, cli.run("validate"));
  }

  @Test
  void validate_strict_reportsUndeclaredProperty() throws Exception {
    Files.writeString(dir.resolve("a.json"), VALID.replace("}", ",\"headSpec\":{\"gpuCount\":1}}"));
    assertEquals(0, cli.run("validate", dir.resolve("a.json").toString()));
    cli.reset();
    assertEquals(1, cli.run("validate", "--strict", dir.resolve("a.json").toString()));
    assertTrue(cli.out().contains("/headSpec/gpuCount: property \"gpuCount\" is not declared in HeadNodeSpec"), cli.out());
  }

  @Test
  void validate_jsonFormat_hasTheDocumentedShape() throws Exception {
    Files.writeString(dir.resolve("bad.json"), INVALID);
    assertEquals(1, cli.run("validate", "--format", "json", dir.toString()));
    JsonNode report = new ObjectMapper().readTree(cli.out());
    assertEquals(3, report.get("files").size());
    JsonNode bad = report.get("files").get(1); // a.json, bad.json, sub/b.json: sorted
    assertEquals(dir.resolve("bad.json").toString(), bad.get("path").asText());
    assertTrue(bad.get("entry").isNull());
    assertEquals("invalid", bad.get("verdict").asText());
    assertEquals("/workerSpec/1/maxReplica", bad.get("errors").get(0).get("pointer").asText());
    assertEquals("type", bad.get("errors").get(0).get("keyword").asText());
    assertEquals("expected integer, found string \"10\"", bad.get("errors").get(0).get("message").asText());
    assertEquals(2, report.get("summary").get("valid").asInt());
    assertEquals(1, report.get("summary").get("invalid").asInt());
    assertEquals(0, report.get("summary").get("unreadable").asInt());
  }

  @Test
  void validate_junitFormat_toFile_isWellFormedWithOneTestcasePerFile() throws Exception {
    Files.writeString(dir.resolve("bad.json"), INVALID);
    Files.writeString(dir.resolve("broken.json"), "{\"a\":");
    Path report = dir.resolve("report.xml");
    assertEquals(1, cli.run("validate", "--format=junit", "--output", report.toString(), dir.toString()));
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
    assertEquals(4, xml.getElementsByTagName("testcase").getLength());
    assertEquals(1, xml.getElementsByTagName("failure").getLength());
    assertEquals(1, xml.getElementsByTagName("error").getLength());
    assertTrue(cli.out().contains("4 responses in 4 files"), "summary line on stdout: " + cli.out());
  }

  @Test
  void validate_outputInAFolderThatDoesNotExistYet_createsIt() {
    Path report = dir.resolve("reports/deep/report.xml");
    assertEquals(0, cli.run("validate", "--format", "junit", "--output", report.toString(), dir.resolve("a.json").toString()));
    assertTrue(Files.isRegularFile(report));
  }

  @Test
  void validate_stdin_readsTheBody() {
    assertEquals(0, cli.run(VALID, false, "validate", "-"));
    assertTrue(cli.out().startsWith("VALID       -"), cli.out());
    cli.reset();
    assertEquals(1, cli.run(INVALID, false, "validate", "-"));
  }

  @Test
  void validate_maxFileSize_isConfigurable() {
    assertEquals(1, cli.run("validate", "--max-file-size", "10B", dir.resolve("a.json").toString()));
    assertTrue(cli.out().contains("larger than the limit of 10 bytes"), cli.out());
    cli.reset();
    assertEquals(2, cli.run("validate", "--max-file-size", "lots", dir.resolve("a.json").toString()));
  }

  @Test
  void help_statesTheDefaultSizeLimitAndExitCodes() {
    assertEquals(0, cli.run("validate", "--help"));
    assertTrue(cli.out().replaceAll("\\s+", " ").contains("default: 64MiB"), cli.out());
    assertTrue(cli.out().contains("2   usage error"), cli.out());
  }

  @Test
  void version_printsToolAndContract() {
    assertEquals(0, cli.run("--version"));
    assertTrue(cli.out().contains("raycluster-conformance"), cli.out());
    assertTrue(cli.out().contains("GetRayCluster"), cli.out());
  }

  @Test
  void validate_onATerminalWithManyFiles_showsProgressOnStderrOnly() throws Exception {
    for (int i = 0; i < 60; i++) {
      Files.writeString(dir.resolve("many-" + i + ".json"), VALID);
    }
    int code = cli.run("", true, "validate", dir.toString());
    assertEquals(0, code);
    assertTrue(cli.err().contains("validated "), cli.err());
    assertFalse(cli.out().contains("validated "), "progress never goes to stdout");
  }

  @Test
  void noSubcommand_isAUsageError() {
    assertEquals(2, cli.run());
  }

  @Test
  void validate_aFifoAsAPath_isUnreadableAtOnceAndTheOthersAreChecked() throws Exception {
    Path fifo = dir.resolve("pipe.json");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is not available here");

    // Without the check, opening the FIFO blocks until a writer comes: the run would never end.
    assertEquals(1, cli.run("validate", fifo.toString(), dir.resolve("a.json").toString()));
    assertTrue(cli.out().contains("UNREADABLE  " + fifo), cli.out());
    assertTrue(cli.out().contains("not a regular file (a FIFO, device or socket)"), cli.out());
    assertTrue(cli.out().contains("VALID       " + dir.resolve("a.json")), cli.out());
  }

  @Test
  void validatePact_aFifoAsAPath_isUnreadableAtOnce() throws Exception {
    Path fifo = dir.resolve("pact.json");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is not available here");

    assertEquals(1, cli.run("validate-pact", fifo.toString()));
    assertTrue(cli.out().contains("not a regular file"), cli.out());
  }

  @Test
  void validate_aHarWithNoCallOfTheSpec_exitsOneSayingNothingWasChecked() throws Exception {
    Path har = dir.resolve("other.har");
    Files.writeString(har, "{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"t\",\"version\":\"1\"},"
        + "\"entries\":[{\"startedDateTime\":\"2026-01-01T00:00:00Z\",\"time\":1,\"request\":{\"method\":\"GET\","
        + "\"url\":\"https://example.com/other\",\"httpVersion\":\"HTTP/1.1\",\"headers\":[],\"queryString\":[],"
        + "\"cookies\":[],\"headersSize\":-1,\"bodySize\":0},\"response\":{\"status\":200,\"statusText\":\"OK\","
        + "\"httpVersion\":\"HTTP/1.1\",\"headers\":[],\"cookies\":[],\"content\":{\"size\":2,\"mimeType\":"
        + "\"application/json\",\"text\":\"{}\"},\"redirectURL\":\"\",\"headersSize\":-1,\"bodySize\":2},"
        + "\"cache\":{},\"timings\":{\"send\":0,\"wait\":1,\"receive\":0}}]}}");

    assertEquals(1, cli.run("validate", har.toString()));
    assertTrue(cli.err().contains("no responses checked: 1 HAR entry was skipped"), cli.err());
    assertEquals(0, cli.run("validate", "--allow-empty", har.toString()), cli.err());
  }

  @Test
  void validate_maxFileSizeBeyondWhatCanBeRead_isAUsageError() {
    assertEquals(2, cli.run("validate", "--max-file-size", "9223372036854775807", "-"));
    assertTrue(cli.err().contains("the largest file that can be read"), cli.err());
    assertEquals(2, cli.run("validate", "--max-file-size", "8589934592GiB", "-"));
    assertTrue(cli.err().contains("is not a size"), cli.err());
  }

  @Test
  void validate_aDanglingSymlink_saysItLeadsNowhere() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("loop.json"), dir.resolve("loop.json"));

    assertEquals(2, cli.run("validate", link.toString()));
    assertTrue(cli.err().contains("A symbolic link that leads nowhere (dangling, or a loop): " + link), cli.err());
  }

  @Test
  void validate_aFolderInsideThatCannotBeListed_isOneUnreadableResultAndTheRestIsChecked() throws Exception {
    Path locked = Files.createDirectories(dir.resolve("locked"));
    Files.writeString(locked.resolve("x.json"), VALID);
    Files.setPosixFilePermissions(locked, java.util.Set.of());
    try {
      Path work = Files.createDirectories(dir.resolve("work"));
      int code = Subprocess.run(work, java.util.Map.of(), Subprocess.withoutFileAccessOverride(),
          "validate", dir.toString());
      String out = Files.readString(work.resolve("stdout.txt"));
      org.junit.jupiter.api.Assumptions.assumeFalse(out.contains("VALID       " + locked.resolve("x.json")),
          "this process may read any folder (root with CAP_DAC_OVERRIDE and no setpriv): cannot lock one");
      assertEquals(1, code, out + Files.readString(work.resolve("stderr.txt")));
      assertTrue(out.contains("UNREADABLE  " + locked + "\n"), out);
      assertTrue(out.contains("cannot list this folder: permission denied; its files were not checked"), out);
      assertTrue(out.contains("VALID       " + dir.resolve("a.json")), out);
      assertTrue(out.contains("VALID       " + dir.resolve("sub/b.json")), out);
    } finally {
      Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void validate_reportToAFullDevice_exitsTwoNamingIt() {
    Path full = Path.of("/dev/full");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full), "no /dev/full here");

    assertEquals(2, cli.run("validate", "--format", "junit", "--output", full.toString(), dir.toString()));
    assertTrue(cli.err().contains("cannot write the report to /dev/full: the write failed"), cli.err());
    assertTrue(Files.exists(full) && !Files.isRegularFile(full), "the device is left as it is");
  }

  @Test
  void validate_whenStandardOutputFails_exitsTwo() {
    java.io.OutputStream broken = new java.io.OutputStream() {
      @Override
      public void write(int b) throws java.io.IOException {
        throw new java.io.IOException("No space left on device");
      }
    };
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int code = ConformanceCli.execute(new java.io.ByteArrayInputStream(new byte[0]),
        new java.io.PrintStream(broken, true, StandardCharsets.UTF_8),
        new java.io.PrintStream(err, true, StandardCharsets.UTF_8), false, "validate", dir.toString());

    assertEquals(2, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot write the report to standard output"),
        err.toString(StandardCharsets.UTF_8));

    err.reset();
    // Any command: what it printed was lost, so it does not exit 0.
    code = ConformanceCli.execute(new java.io.ByteArrayInputStream(new byte[0]),
        new java.io.PrintStream(broken, true, StandardCharsets.UTF_8),
        new java.io.PrintStream(err, true, StandardCharsets.UTF_8), false, "--version");
    assertEquals(2, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot write to standard output"),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void validate_reportFileThatCannotBeWritten_exitsTwoAndKeepsNoPartialFile() throws Exception {
    Path plain = Files.writeString(dir.resolve("plain-file"), "x");
    Path report = plain.resolve("report.xml");

    assertEquals(2, cli.run("validate", "--format", "junit", "--output", report.toString(), dir.toString()));
    assertTrue(cli.err().contains("cannot write the report to " + report), cli.err());
    try (java.util.stream.Stream<Path> left = Files.list(dir)) {
      assertFalse(left.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "a temporary file was left");
    }
  }

  @Test
  void validate_reportReplacingAnOlderOne_isWrittenWholeInItsPlace() throws Exception {
    Path report = Files.writeString(Files.createDirectories(dir.resolve("out")).resolve("report.json"), "old");
    assertEquals(0, cli.run("validate", "--format", "json", "--output", report.toString(), dir.resolve("a.json").toString()));
    assertTrue(Files.readString(report).contains("\"summary\""), Files.readString(report));
  }

  @Test
  void validate_strictText_escapesControlCharactersInPropertyNames() throws Exception {
    Path esc = dir.resolve("esc.json");
    Files.writeString(esc, "{\"requestId\":\"r\",\"clusterId\":\"c\",\"state\":\"Running\","
        + "\"x\\u001b]0;pwned\\u0007\\nVALID       forged.json\":1}");

    assertEquals(1, cli.run("validate", "--strict", esc.toString()));
    String out = cli.out();
    assertFalse(out.contains("\u001b") || out.contains("\u0007"), out);
    assertFalse(out.lines().anyMatch(l -> l.startsWith("VALID       forged.json")), out);
    assertTrue(out.contains("\\u001b]0;pwned\\u0007\\nVALID"), out);
  }

  @Test
  void validate_writesEachResultAsItComes_beforeLaterInputsAreRead() throws Exception {
    // Standard input, the second input, stays open until the first file's line has been printed:
    // a report written only at the end would never print it, and the run would never end.
    java.io.PipedOutputStream feed = new java.io.PipedOutputStream();
    java.io.PipedInputStream stdin = new java.io.PipedInputStream(feed);
    java.util.concurrent.CountDownLatch firstLine = new java.util.concurrent.CountDownLatch(1);
    java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();
    java.io.OutputStream watching = new java.io.OutputStream() {
      @Override
      public synchronized void write(int b) {
        seen.write(b);
        if (seen.toString(StandardCharsets.UTF_8).contains("VALID       " + dir.resolve("a.json") + "\n")) {
          firstLine.countDown();
        }
      }
    };
    Thread feeder = new Thread(() -> {
      try {
        if (firstLine.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
          feed.write(VALID.getBytes(StandardCharsets.UTF_8));
        }
        feed.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    feeder.start();
    int code = ConformanceCli.execute(stdin, new java.io.PrintStream(watching, true, StandardCharsets.UTF_8),
        new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false,
        "validate", dir.resolve("a.json").toString(), "-");
    feeder.join();

    assertEquals(0, firstLine.getCount(), "the first result was not written before standard input ended");
    assertEquals(0, code, seen.toString(StandardCharsets.UTF_8));
    assertTrue(seen.toString(StandardCharsets.UTF_8).contains("VALID       -"), seen.toString(StandardCharsets.UTF_8));
  }

  @Test
  void fileNamesWithControlCharacters_areEscapedInErrorMessages() throws Exception {
    Path odd = Files.writeString(dir.resolve("x\u001b]0;pwn\u0007\nVALID y.txt"), "not a page");

    assertEquals(2, cli.run("diff-doc", odd.toString()));
    assertFalse(cli.err().contains("\u001b") || cli.err().contains("\u0007"), cli.err());
    assertFalse(cli.err().lines().anyMatch(l -> l.startsWith("VALID y.txt")), cli.err());
    assertTrue(cli.err().contains("x\\u001b]0;pwn\\u0007\\nVALID y.txt"), cli.err());
  }
}
