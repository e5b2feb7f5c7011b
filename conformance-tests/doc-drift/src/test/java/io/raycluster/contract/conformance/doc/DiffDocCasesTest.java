package io.raycluster.contract.conformance.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.raycluster.contract.spec.SpecFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The diff-doc cases as data. Every case starts from one page of the project's own (the fixture
 * spec's getRayJob page, {@link SpecFixtures#RAY_JOBS_PAGE}), applies a few text edits, and says
 * what diff-doc must report against the fixture spec: the exit code and exactly which findings
 * (kind and location), or for an unreadable page what it lacks. A case with {@code htmlEdits}
 * runs on the same page saved as HTML ({@link SpecFixtures#RAY_JOBS_PAGE_HTML}) too, with those
 * edits, and must give the same findings and messages as the text copy. Adding a case is adding a
 * JSON file to {@code diff-doc/cases/} (checked against {@code diff-doc/case.schema.json}).
 * Nothing here depends on today's GetRayCluster contract, so no case moves when the vendor's does.
 */
class DiffDocCasesTest {
  static final Path DIR = Path.of("src/test/resources/diff-doc");
  static final ObjectMapper JSON = new ObjectMapper();
  static final SpecContract FIXTURE = SpecContract.of(SpecFixtures.rayJobs());

  @TestFactory
  Stream<DynamicTest> eachCase_reportsExactlyWhatItExpects() {
    String text = SpecFixtures.text(SpecFixtures.RAY_JOBS_PAGE);
    String html = SpecFixtures.text(SpecFixtures.RAY_JOBS_PAGE_HTML);
    return cases("cases", "case.schema.json", (name, c) -> {
      List<Finding> fromText = run(name, c, edit(name, text, c.path("edits")));
      if (c.has("htmlEdits")) {
        List<Finding> fromHtml = run(name + ".html", c, edit(name, html, c.path("htmlEdits")));
        assertEquals(describe(fromText), describe(fromHtml), "the HTML page gives what its text copy gives");
      }
    });
  }

  /** One dynamic test per case file of {@code folder}, each checked against {@code schema} first. */
  static Stream<DynamicTest> cases(String folder, String schema, BiConsumer<String, JsonNode> run) {
    try {
      Schema caseSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(JSON.readTree(DIR.resolve(schema).toFile()));
      List<Path> files;
      try (Stream<Path> s = Files.list(DIR.resolve(folder))) {
        files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      }
      assertFalse(files.isEmpty(), "no cases in " + DIR.resolve(folder));
      return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(), () -> {
        JsonNode c = JSON.readTree(file.toFile());
        assertEquals(List.of(), caseSchema.validate(c).stream().map(Object::toString).toList(),
            file + " does not match " + schema);
        run.accept(file.getFileName().toString(), c);
      }));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Applies text edits in order; each text to replace must occur exactly once. */
  static String edit(String name, String page, JsonNode edits) {
    int n = 0;
    for (JsonNode e : edits) {
      n++;
      String from = e.get("replace").asText();
      int at = page.indexOf(from);
      if (at < 0 || page.indexOf(from, at + 1) >= 0) {
        fail(name + ", edit " + n + ": the text to replace must occur exactly once in the page, "
            + "found " + (at < 0 ? "nowhere" : "more than once") + ": " + from);
      }
      page = page.substring(0, at) + e.get("with").asText() + page.substring(at + from.length());
    }
    return page;
  }

  /** Reads the document (text, HTML or metadata, by content), diffs it and checks the case; returns the findings. */
  static List<Finding> run(String name, JsonNode c, String document) {
    DriftReport report;
    try {
      report = DocDiff.against(FIXTURE).diff(VendorDocuments.parse(document, name));
    } catch (UnreadablePageException e) {
      assertEquals(c.get("exit").asInt(), 2, "the document is unreadable: " + e.getMessage());
      assertEquals(c.path("missing").size(), e.missing().size(), "what the document lacks: " + e.missing());
      for (int i = 0; i < e.missing().size(); i++) {
        String fragment = c.get("missing").get(i).asText();
        assertTrue(e.missing().get(i).contains(fragment), "'" + fragment + "' in " + e.missing());
      }
      return List.of();
    }
    assertTrue(c.get("exit").asInt() != 2, "the document must be unreadable, but it was read");
    String text = report.toText();
    List<String> expected = new ArrayList<>();
    c.path("findings").forEach(f -> expected.add(f.get("kind").asText() + " " + f.get("location").asText()));
    List<String> got = report.findings().stream().map(f -> f.kind() + " " + f.location()).toList();
    assertEquals(expected, got, "findings of\n" + text);
    for (int i = 0; i < expected.size(); i++) {
      JsonNode want = c.get("findings").get(i);
      if (want.has("message")) {
        assertTrue(report.findings().get(i).message().contains(want.get("message").asText()),
            "finding " + i + " says '" + want.get("message").asText() + "':\n" + text);
      }
    }
    assertEquals(c.get("exit").asInt(), report.exitCode(), text);
    return report.findings();
  }

  /** Kind, location and message of each finding (not the line: an HTML page's lines are the HTML's). */
  static List<String> describe(List<Finding> findings) {
    return findings.stream().map(f -> f.kind() + " " + f.location() + ": " + f.message()).toList();
  }
}
