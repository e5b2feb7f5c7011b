package io.raycluster.contract.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.raycluster.contract.spec.SpecFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff-doc}: exit codes, formats, {@code --spec}. The pages are the fixture's (a page of
 * the project's own and the spec it describes); the library's cases are in doc-drift.
 */
class DiffDocCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  Path spec;
  Path page;

  @BeforeEach
  void files() {
    spec = SpecFixtures.write(SpecFixtures.RAY_JOBS, tmp);
    page = SpecFixtures.write(SpecFixtures.RAY_JOBS_PAGE, tmp);
  }

  private Path pageWith(String from, String to) throws IOException {
    String text = Files.readString(page, StandardCharsets.UTF_8);
    assertTrue(text.contains(from), from);
    Path changed = tmp.resolve("changed.txt");
    Files.writeString(changed, text.replace(from, to), StandardCharsets.UTF_8);
    return changed;
  }

  @Test
  void withSpec_pageMatchingIt_exitsZero() {
    CliRun run = CliRun.of("diff-doc", "--spec", spec.toString(), page.toString());

    assertEquals(0, run.exit(), run.all());
    assertEquals(List.of("diff-doc " + page + " against " + spec,
        "No drift: the page's request line, response table and JSON example match the spec."), run.out().lines().toList());
  }

  @Test
  void withoutSpec_thePageOfAnotherApi_isDriftFromTheBundledSpec() {
    CliRun run = CliRun.of("diff-doc", page.toString());

    assertEquals(1, run.exit(), run.all());
    assertTrue(run.out().contains("PATH_CHANGED"), run.out());
  }

  @Test
  void jsonFormat_whenDrift_listsFindingsWithKindLocationAndLine() throws IOException {
    Path changed = pageWith("attempts\ninteger\n", "attempts\nstring\n");

    CliRun run = CliRun.of("diff-doc", "--spec", spec.toString(), "--format", "json", changed.toString());

    assertEquals(1, run.exit(), run.all());
    JsonNode report = JSON.readTree(run.out());
    assertEquals("drift", report.get("result").asText());
    assertEquals(1, report.get("exitCode").asInt());
    JsonNode finding = report.get("findings").get(0);
    assertEquals("TYPE_MISMATCH", finding.get("kind").asText());
    assertEquals("/attempts", finding.get("location").asText());
    int line = Files.readAllLines(changed).indexOf("attempts") + 1;
    assertEquals(line, finding.get("line").asInt());
  }

  @Test
  void jsonFormat_whenNoDrift_isEmptyFindings() throws IOException {
    CliRun run = CliRun.of("diff-doc", "--spec", spec.toString(), "--format", "json", page.toString());

    assertEquals(0, run.exit(), run.all());
    JsonNode report = JSON.readTree(run.out());
    assertEquals("no-drift", report.get("result").asText());
    assertEquals(0, report.get("findings").size());
  }

  @Test
  void jsonFormat_whenUnreadable_listsWhatIsMissingAndExits2() throws IOException {
    Path file = tmp.resolve("notes.txt");
    Files.writeString(file, "Some notes\nwithout any of the page's parts\n", StandardCharsets.UTF_8);

    CliRun run = CliRun.of("diff-doc", "--format", "json", file.toString());

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
  void missingFile_directory_html_binary_allExit2SayingWhy() throws IOException {
    Path html = tmp.resolve("page.html");
    Files.writeString(html, "<!DOCTYPE html>\n<html><body>GetRayCluster</body></html>\n");
    Path binary = tmp.resolve("page.bin");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});

    CliRun missing = CliRun.of("diff-doc", tmp.resolve("absent.txt").toString());
    assertEquals(2, missing.exit());
    assertEquals("diff-doc: " + tmp.resolve("absent.txt") + " is not a readable API reference page: the file does not exist\n",
        missing.err());
    assertEquals("", missing.out());
    assertTrue(CliRun.of("diff-doc", tmp.toString()).err().contains("it is not a regular file"));
    assertTrue(CliRun.of("diff-doc", html.toString()).err().contains("no request syntax line"));
    assertTrue(CliRun.of("diff-doc", binary.toString()).err().contains("it is not UTF-8 text"));
  }

  @Test
  void specThatCannotBeUsed_isAUsageErrorNamingItsFileAndPointer() throws IOException {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n");

    CliRun run = CliRun.of("diff-doc", "--spec", bad.toString(), page.toString());

    assertEquals(2, run.exit());
    assertTrue(run.err().contains("--spec " + bad + " at /openapi: OpenAPI 3.1.0 is not supported"), run.err());
    assertTrue(!run.err().contains("Exception") && !run.err().contains("Usage:"), run.err());
  }

  @Test
  void noArguments_andUnknownFormat_areUsageErrorsExit2() {
    CliRun none = CliRun.of("diff-doc");
    assertEquals(2, none.exit());
    assertTrue(none.err().contains("Missing required parameter: 'DOC_FILE'"), none.err());

    CliRun xml = CliRun.of("diff-doc", "--format", "xml", page.toString());
    assertEquals(2, xml.exit());
    assertTrue(xml.err().contains("expected one of [text, json, markdown, html]"), xml.err());
  }

  @Test
  void help_exits0_listingTheExitCodes() {
    CliRun run = CliRun.of("diff-doc", "--help");

    assertEquals(0, run.exit());
    assertTrue(run.out().contains("--spec=FILE"), run.out());
    assertTrue(run.out().contains("2   not a readable reference page or API metadata"), run.out());
  }

  private Path metadataWith(String from, String to) throws IOException {
    Path metadata = SpecFixtures.write(SpecFixtures.RAY_JOBS_METADATA, tmp);
    String text = Files.readString(metadata, StandardCharsets.UTF_8);
    assertTrue(text.contains(from), from);
    Files.writeString(metadata, text.replace(from, to), StandardCharsets.UTF_8);
    return metadata;
  }

  @Test
  void metadata_ofTheSpecsProduct_withoutDrift_exitsZero() {
    Path metadata = SpecFixtures.write(SpecFixtures.RAY_JOBS_METADATA, tmp);

    CliRun run = CliRun.of("diff-doc", "--spec", spec.toString(), metadata.toString());

    assertEquals(0, run.exit(), run.all());
    assertTrue(run.out().contains("No drift: the metadata's operations"), run.out());
  }

  @Test
  void metadata_withDrift_namesWhatChangedAndExits1() throws IOException {
    Path metadata = metadataWith("\"format\": \"int64\"", "\"format\": \"int32\"");

    CliRun run = CliRun.of("diff-doc", "--spec", spec.toString(), "--format", "json", metadata.toString());

    assertEquals(1, run.exit(), run.all());
    JsonNode report = JSON.readTree(run.out());
    assertEquals("metadata", report.get("kind").asText());
    List<String> got = new java.util.ArrayList<>();
    report.get("findings").forEach(f -> got.add(f.get("kind").asText() + " " + f.get("location").asText()
        + " " + f.get("documented").asText() + " / " + f.get("specified").asText()));
    assertEquals(List.of("TYPE_MISMATCH GetRayJob:/startTime integer/int32 / integer/int64",
        "TYPE_MISMATCH GetRayJob:/events/*/time integer/int32 / integer/int64"), got);
  }

  @Test
  void metadata_ofAnotherProduct_exits2SayingWhich() throws IOException {
    Path metadata = metadataWith("\"product\": \"ray-jobs\"", "\"product\": \"ecs\"");

    CliRun run = CliRun.of("diff-doc", "--spec", spec.toString(), metadata.toString());

    assertEquals(2, run.exit(), run.all());
    assertTrue(run.err().contains("it describes ecs 2024-01-01; the spec's operations are of ray-jobs 2024-01-01"), run.err());
  }

  @Test
  void htmlPage_givesTheSameFindingsAsItsTextCopy() throws IOException {
    Path html = SpecFixtures.write(SpecFixtures.RAY_JOBS_PAGE_HTML, tmp);
    Files.writeString(html, Files.readString(html).replace("<td>attempts</td><td>integer</td>", "<td>attempts</td><td>string</td>"));
    Path text = pageWith("attempts\ninteger\n", "attempts\nstring\n");

    JsonNode fromHtml = JSON.readTree(CliRun.of("diff-doc", "--spec", spec.toString(), "--format", "json", html.toString()).out());
    JsonNode fromText = JSON.readTree(CliRun.of("diff-doc", "--spec", spec.toString(), "--format", "json", text.toString()).out());

    assertEquals(1, fromHtml.get("exitCode").asInt());
    for (JsonNode f : List.of(fromHtml, fromText)) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) f).remove("page");
      f.get("findings").forEach(finding -> ((com.fasterxml.jackson.databind.node.ObjectNode) finding).remove("line"));
    }
    assertEquals(fromText, fromHtml);
  }

  @Test
  void markdownAndHtmlFormats_showTheDocumentsSideBesideTheSpecs() throws IOException {
    Path changed = pageWith("attempts\ninteger\n", "attempts\nstring\n");

    CliRun md = CliRun.of("diff-doc", "--spec", spec.toString(), "--format", "markdown", changed.toString());
    CliRun html = CliRun.of("diff-doc", "--spec", spec.toString(), "--format", "html", changed.toString());

    assertEquals(1, md.exit(), md.all());
    assertTrue(md.out().contains("| Finding | Location | Page | Spec | Message |"), md.out());
    assertTrue(md.out().contains("| TYPE_MISMATCH | <code>/attempts</code> | string (line "), md.out());
    assertEquals(1, html.exit(), html.all());
    assertTrue(html.out().startsWith("<!DOCTYPE html>"), html.out());
    assertTrue(html.out().contains("<tr><td>TYPE_MISMATCH</td><td><code>/attempts</code></td><td>string (line "), html.out());
  }

  @Test
  void unreadable_inMarkdown_saysWhatIsMissing() throws IOException {
    Path file = tmp.resolve("notes.txt");
    Files.writeString(file, "Some notes\n", StandardCharsets.UTF_8);

    CliRun run = CliRun.of("diff-doc", "--format", "markdown", file.toString());

    assertEquals(2, run.exit());
    assertTrue(run.out().contains("- no request syntax line"), run.out());
  }

  @Test
  void metadataUrl_isThePublishedAddressOfTheSpecsProductAndVersion() {
    io.raycluster.contract.spec.SpecOperation op = io.raycluster.contract.spec.ApiSpec.bundled().operations().get(0);

    CliRun run = CliRun.of("diff-doc", "--metadata-url");

    assertEquals(0, run.exit(), run.all());
    assertEquals("https://api.aliyun.com/meta/v1/products/" + op.product() + "/versions/" + op.version()
        + "/api-docs.json\n", run.out());
  }

  /** The command on the vendor's own page, where it is laid out beside the repository. */
  @Test
  void vendorReferencePage_hasNoDrift() {
    Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    Path vendor = module.resolve("../../../shared/reference/GetRayCluster-api-reference.txt").normalize();
    assumeTrue(Files.isRegularFile(vendor), "the vendor's page is not laid out at ../shared/reference/ beside the repository root");

    CliRun run = CliRun.of("diff-doc", vendor.toString());

    assertEquals(0, run.exit(), run.all());
    assertTrue(run.out().contains("No drift"), run.out());
    assertEquals("", run.err());
  }
}
