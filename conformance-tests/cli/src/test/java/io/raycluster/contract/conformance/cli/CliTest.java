package io.raycluster.contract.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void files() throws Exception {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("a.json"), VALID);
    Files.writeString(dir.resolve("sub/b.json"), VALID);
    Files.writeString(dir.resolve("sub/ignored.txt"), "not looked at");
  }

  private int run(String stdin, String... args) {
    return ConformanceCli.execute(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        false, args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void validate_whenEverythingValid_exitsZeroWithOneLinePerFileAndSummary() {
    assertEquals(0, run("", "validate", dir.toString()));
    String text = out();
    assertTrue(text.contains("VALID       " + dir.resolve("a.json")), text);
    assertTrue(text.contains("VALID       " + dir.resolve("sub/b.json")), text);
    assertFalse(text.contains("ignored.txt"), text);
    assertTrue(text.contains("2 responses in 2 files: 2 valid, 0 invalid, 0 unreadable"), text);
    assertEquals("", err.toString(StandardCharsets.UTF_8), "nothing on stderr when not a terminal");
  }

  @Test
  void validate_whenOneInvalid_exitsOneAndIndentsTheFinding() throws Exception {
    Files.writeString(dir.resolve("bad.json"), INVALID);
    assertEquals(1, run("", "validate", dir.toString()));
    assertTrue(out().contains("INVALID     " + dir.resolve("bad.json") + "\n"
        + "    /workerSpec/1/maxReplica: expected integer, found string \"10\"  [type]"), out());
  }

  @Test
  void validate_whenUnreadable_exitsOneAndGoesOn() throws Exception {
    Files.writeString(dir.resolve("0-empty.json"), "");
    assertEquals(1, run("", "validate", dir.toString()));
    assertTrue(out().contains("UNREADABLE  " + dir.resolve("0-empty.json")), out());
    assertTrue(out().contains("1 unreadable"), out());
    assertTrue(out().contains("VALID       " + dir.resolve("sub/b.json")), out());
  }

  @Test
  void validate_whenPathMissing_exitsTwo() {
    assertEquals(2, run("", "validate", dir.resolve("nope.json").toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("No such file or directory"));
  }

  @Test
  void validate_whenDirectoryHasNoRecordings_exitsTwo() throws Exception {
    Files.createDirectories(dir.resolve("empty"));
    assertEquals(2, run("", "validate", dir.resolve("empty").toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("No *.json or *.har file"));
  }

  @Test
  void validate_whenUnknownOption_exitsTwo() {
    assertEquals(2, run("", "validate", "--bogus", dir.toString()));
  }

  @Test
  void validate_whenNoPath_exitsTwo() {
    assertEquals(2, run("", "validate"));
  }

  @Test
  void validate_strict_reportsUndeclaredProperty() throws Exception {
    Files.writeString(dir.resolve("a.json"), VALID.replace("}", ",\"headSpec\":{\"gpuCount\":1}}"));
    assertEquals(0, run("", "validate", dir.resolve("a.json").toString()));
    out.reset();
    assertEquals(1, run("", "validate", "--strict", dir.resolve("a.json").toString()));
    assertTrue(out().contains("/headSpec/gpuCount: property \"gpuCount\" is not declared in HeadNodeSpec"), out());
  }

  @Test
  void validate_jsonFormat_hasTheDocumentedShape() throws Exception {
    Files.writeString(dir.resolve("bad.json"), INVALID);
    assertEquals(1, run("", "validate", "--format", "json", dir.toString()));
    JsonNode report = new ObjectMapper().readTree(out());
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
    assertEquals(1, run("", "validate", "--format=junit", "--output", report.toString(), dir.toString()));
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
    assertEquals(4, xml.getElementsByTagName("testcase").getLength());
    assertEquals(1, xml.getElementsByTagName("failure").getLength());
    assertEquals(1, xml.getElementsByTagName("error").getLength());
    assertTrue(out().contains("4 responses in 4 files"), "summary line on stdout: " + out());
  }

  @Test
  void validate_outputInAFolderThatDoesNotExistYet_createsIt() {
    Path report = dir.resolve("reports/deep/report.xml");
    assertEquals(0, run("", "validate", "--format", "junit", "--output", report.toString(), dir.resolve("a.json").toString()));
    assertTrue(Files.isRegularFile(report));
  }

  @Test
  void validate_stdin_readsTheBody() {
    assertEquals(0, run(VALID, "validate", "-"));
    assertTrue(out().startsWith("VALID       -"), out());
    out.reset();
    assertEquals(1, run(INVALID, "validate", "-"));
  }

  @Test
  void validate_maxFileSize_isConfigurable() {
    assertEquals(1, run("", "validate", "--max-file-size", "10B", dir.resolve("a.json").toString()));
    assertTrue(out().contains("larger than the limit of 10 bytes"), out());
    out.reset();
    assertEquals(2, run("", "validate", "--max-file-size", "lots", dir.resolve("a.json").toString()));
  }

  @Test
  void help_statesTheDefaultSizeLimitAndExitCodes() {
    assertEquals(0, run("", "validate", "--help"));
    assertTrue(out().replaceAll("\\s+", " ").contains("default: 64MiB"), out());
    assertTrue(out().contains("2   usage error"), out());
  }

  @Test
  void version_printsToolAndContract() {
    assertEquals(0, run("", "--version"));
    assertTrue(out().contains("raycluster-conformance"), out());
    assertTrue(out().contains("GetRayCluster"), out());
  }

  @Test
  void validate_onATerminalWithManyFiles_showsProgressOnStderrOnly() throws Exception {
    for (int i = 0; i < 60; i++) {
      Files.writeString(dir.resolve("many-" + i + ".json"), VALID);
    }
    int code = ConformanceCli.execute(new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        true, "validate", dir.toString());
    assertEquals(0, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("validated "), err.toString(StandardCharsets.UTF_8));
    assertFalse(out().contains("validated "), "progress never goes to stdout");
  }

  @Test
  void noSubcommand_isAUsageError() {
    assertEquals(2, run(""));
  }
}
