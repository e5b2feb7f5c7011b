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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The diff-doc cases as data. Every case starts from one page of the project's own (the fixture
 * spec's getRayJob page, {@link SpecFixtures#RAY_JOBS_PAGE}), applies a few text edits, and says
 * what diff-doc must report against the fixture spec: the exit code and exactly which findings
 * (kind and location), or for an unreadable page what it lacks. Adding a case is adding a JSON
 * file to {@code diff-doc/cases/} (checked against {@code diff-doc/case.schema.json}). Nothing here
 * depends on today's GetRayCluster contract, so no case moves when the vendor's does.
 */
class DiffDocCasesTest {
  static final Path DIR = Path.of("src/test/resources/diff-doc");
  static final ObjectMapper JSON = new ObjectMapper();
  static final SpecContract FIXTURE = SpecContract.of(SpecFixtures.rayJobs());

  @TestFactory
  Stream<DynamicTest> eachCase_reportsExactlyWhatItExpects() throws Exception {
    Schema caseSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(JSON.readTree(DIR.resolve("case.schema.json").toFile()));
    List<Path> files;
    try (Stream<Path> s = Files.list(DIR.resolve("cases"))) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "no cases in " + DIR.resolve("cases"));
    String base = SpecFixtures.text(SpecFixtures.RAY_JOBS_PAGE);
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(), () -> {
      JsonNode c = JSON.readTree(file.toFile());
      assertEquals(List.of(), caseSchema.validate(c).stream().map(Object::toString).toList(),
          file + " does not match case.schema.json");
      run(file.getFileName().toString(), c, edit(file, base, c));
    }));
  }

  private static String edit(Path file, String page, JsonNode c) {
    int n = 0;
    for (JsonNode e : c.path("edits")) {
      n++;
      String from = e.get("replace").asText();
      int at = page.indexOf(from);
      if (at < 0 || page.indexOf(from, at + 1) >= 0) {
        fail(file.getFileName() + ", edit " + n + ": the text to replace must occur exactly once in the page, "
            + "found " + (at < 0 ? "nowhere" : "more than once") + ": " + from);
      }
      page = page.substring(0, at) + e.get("with").asText() + page.substring(at + from.length());
    }
    return page;
  }

  private static void run(String name, JsonNode c, String page) {
    ReferencePage parsed;
    try {
      parsed = ReferencePageParser.parse(page, name);
    } catch (UnreadablePageException e) {
      assertEquals(c.get("exit").asInt(), 2, "the page is unreadable: " + e.getMessage());
      assertEquals(c.path("missing").size(), e.missing().size(), "what the page lacks: " + e.missing());
      for (int i = 0; i < e.missing().size(); i++) {
        String fragment = c.get("missing").get(i).asText();
        assertTrue(e.missing().get(i).contains(fragment), "'" + fragment + "' in " + e.missing());
      }
      return;
    }
    assertTrue(c.get("exit").asInt() != 2, "the page must be unreadable, but it parsed");
    DriftReport report = DocDiff.against(FIXTURE).diff(parsed);
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
  }
}
