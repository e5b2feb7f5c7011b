package io.raycluster.contract.conformance.doc;

import io.raycluster.contract.conformance.cli.DiffDocCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffDocCommandTest {
  static final String NO_DRIFT = "src/test/resources/diff-doc/pages/no-drift.txt";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  @Test
  void vendorReferencePage_hasNoDrift() {
    Optional<Path> page = DiffDocRun.vendorPage();
    assumeTrue(page.isPresent(), "the vendor's saved page is not laid out beside the repository");

    DiffDocRun run = DiffDocRun.of(page.get().toString());

    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("No drift"), run.out());
    assertEquals("", run.err());
  }

  @Test
  void jsonFormat_whenDrift_listsFindingsWithKindLocationAndLine() throws IOException {
    DiffDocRun run = DiffDocRun.of("--format", "json", "src/test/resources/diff-doc/pages/type-changed.txt");

    assertEquals(1, run.exit());
    JsonNode report = JSON.readTree(run.out());
    assertEquals("drift", report.get("result").asText());
    assertEquals(1, report.get("exitCode").asInt());
    // The table's type and the example's value both changed: one finding each.
    assertEquals(2, report.get("findings").size());
    JsonNode finding = report.get("findings").get(0);
    assertEquals("TYPE_MISMATCH", finding.get("kind").asText());
    assertEquals("/headSpec/replica", finding.get("location").asText());
    assertEquals(163, finding.get("line").asInt());
    JsonNode example = report.get("findings").get(1);
    assertEquals("EXAMPLE", example.get("kind").asText());
    assertEquals("/headSpec/replica", example.get("location").asText());
  }

  @Test
  void jsonFormat_whenNoDrift_isEmptyFindings() throws IOException {
    DiffDocRun run = DiffDocRun.of("--format", "json", NO_DRIFT);

    assertEquals(0, run.exit());
    JsonNode report = JSON.readTree(run.out());
    assertEquals("no-drift", report.get("result").asText());
    assertEquals(0, report.get("findings").size());
  }

  @Test
  void jsonFormat_whenUnreadable_listsWhatIsMissingAndExits2() throws IOException {
    Path file = tmp.resolve("notes.txt");
    Files.writeString(file, "Some notes\nwithout any of the page's parts\n", StandardCharsets.UTF_8);

    DiffDocRun run = DiffDocRun.of("--format", "json", file.toString());

    assertEquals(2, run.exit());
    JsonNode report = JSON.readTree(run.out());
    assertEquals("unreadable", report.get("result").asText());
    assertEquals(List.of(
            "no request syntax line (such as 'GET /api/v1/... HTTP/1.1')",
            "no response table (column headers 'Element', 'Type', 'Description')",
            "no JSON example (a JSON object after the response table)"),
        JSON.convertValue(report.get("missing"), List.class));
    assertTrue(run.err().startsWith("diff-doc: " + file + " is not a readable API reference page"), run.err());
  }

  @Test
  void missingFile_exits2NamingTheFile() {
    Path file = tmp.resolve("absent.txt");

    DiffDocRun run = DiffDocRun.of(file.toString());

    assertEquals(2, run.exit());
    assertEquals("diff-doc: " + file + " is not a readable API reference page: the file does not exist\n",
        run.err());
    assertEquals("", run.out());
  }

  @Test
  void directory_exits2() {
    DiffDocRun run = DiffDocRun.of(tmp.toString());

    assertEquals(2, run.exit());
    assertTrue(run.err().contains("it is not a regular file"), run.err());
  }

  @Test
  void htmlFile_exits2AskingForTheTextSave() throws IOException {
    Path file = tmp.resolve("page.html");
    Files.writeString(file, "<!DOCTYPE html>\n<html><body>GetRayCluster</body></html>\n");

    DiffDocRun run = DiffDocRun.of(file.toString());

    assertEquals(2, run.exit());
    assertTrue(run.err().contains("save the page as text"), run.err());
  }

  @Test
  void binaryFile_exits2() throws IOException {
    Path file = tmp.resolve("page.bin");
    Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});

    DiffDocRun run = DiffDocRun.of(file.toString());

    assertEquals(2, run.exit());
    assertTrue(run.err().contains("it is not UTF-8 text"), run.err());
  }

  @Test
  void noArguments_isUsageErrorExit2() {
    DiffDocRun run = DiffDocRun.of();

    assertEquals(2, run.exit());
    assertTrue(run.err().contains("Missing required parameter: 'DOC_FILE'"), run.err());
    assertTrue(run.err().contains("Usage: diff-doc"), run.err());
  }

  @Test
  void unknownFormat_isUsageErrorExit2() {
    DiffDocRun run = DiffDocRun.of("--format", "xml", NO_DRIFT);

    assertEquals(2, run.exit());
    assertTrue(run.err().contains("expected one of [text, json]"), run.err());
  }

  @Test
  void pluggedInChecker_findingsAreReportedWithTheirPointer() {
    ExampleChecker strict = example -> List.of(
        new ExampleFinding("/instances/0/phase", "undeclared property"));

    DiffDocRun run = DiffDocRun.of(new DiffDocCommand(strict), NO_DRIFT);

    assertEquals(1, run.exit());
    assertEquals(List.of(
            "diff-doc " + NO_DRIFT + " against openapi/getraycluster.yaml",
            "Drift: 1 finding",
            "  EXAMPLE /instances/0/phase (line 521): the JSON example: undeclared property"),
        DiffDocRun.lines(run.out()));
  }

  @Test
  void help_exits0() {
    DiffDocRun run = DiffDocRun.of("--help");

    assertEquals(0, run.exit());
    assertTrue(run.out().contains("Usage: diff-doc [-hV] [--format=text|json] DOC_FILE"), run.out());
  }
}
