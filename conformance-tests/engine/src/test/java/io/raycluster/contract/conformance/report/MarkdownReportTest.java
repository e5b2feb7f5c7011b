package io.raycluster.contract.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raycluster.contract.conformance.FileOutcome;
import io.raycluster.contract.conformance.Finding;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** The Markdown report: a heading, the summary line, one table row per file or HAR entry. */
class MarkdownReportTest {
  private static final List<FileOutcome> RUN = ReportOutcomes.run();

  private static List<String> lines(List<FileOutcome> run) {
    return ReportOutcomes.write(ReportFormat.MARKDOWN, run, "raycluster-conformance validate-pact").lines().toList();
  }

  @Test
  void startsWithTitleAndSummary_thenRowsWithFindingsFirst() {
    List<String> lines = lines(RUN);

    assertEquals("### raycluster-conformance validate-pact", lines.get(0));
    assertEquals("❌ **" + Summary.of(RUN).line() + "**", lines.get(2));
    assertEquals("| Verdict | File | Findings |", lines.get(4));
    List<String> rows = lines.subList(6, lines.size());
    assertEquals(5, rows.size(), "one row per file or HAR entry: " + rows);
    assertTrue(rows.get(0).startsWith("| ❌ invalid | <code>rec/b.json</code> | <code>/workerSpec/1/maxReplica</code> "
        + "expected integer, found string &#34;10&#34; (type)<br>"), rows.get(0));
    assertTrue(rows.get(1).startsWith("| ⚠️ unreadable | <code>rec/c.json</code> | <code>(body)</code> empty input"), rows.get(1));
    assertTrue(rows.get(2).startsWith("| ❌ invalid | <code>rec/d.har&#35;2</code> GET /api/v1/b -&#62; 200 | "), rows.get(2));
    assertEquals(List.of("| ✅ valid | <code>rec/a.json</code> |  |", "| ✅ valid | <code>rec/d.har&#35;0</code> GET /api/v1/a -&#62; 200 |  |"),
        rows.subList(3, 5));
  }

  @Test
  void valuesAreEscaped_soNoneBreaksTheTableOrBecomesMarkup() {
    String row = lines(RUN).get(6);

    assertEquals(4, row.split("\\|", -1).length - 1, "three cells, no more: " + row);
    assertFalse(row.contains("<script>") || row.contains("*x*") || row.contains("@team"), row);
    // Read back as HTML, the character references are the value as written.
    assertTrue(Parser.unescapeEntities(row, false).contains("/" + ReportOutcomes.HOSTILE), row);
  }

  @Test
  void longRuns_stayCompact_sayingHowManyMoreThereAre() {
    List<FileOutcome> run = new ArrayList<>();
    for (int i = 0; i < MarkdownReport.MAX_PROBLEM_ROWS + 3; i++) {
      run.add(ReportOutcomes.invalid("bad" + i + ".json", new Finding("/a", "type", "expected integer")));
    }
    for (int i = 0; i < MarkdownReport.MAX_VALID_ROWS + 7; i++) {
      run.add(ReportOutcomes.valid("good" + i + ".json"));
    }
    Finding[] many = new Finding[MarkdownReport.MAX_FINDINGS + 4];
    java.util.Arrays.setAll(many, i -> new Finding("/f" + i, "type", "expected integer"));
    List<String> lines = lines(List.of(ReportOutcomes.invalid("many.json", many)));

    List<String> longRun = lines(run);
    assertTrue(longRun.contains("| … | 3 more with findings | see the full report (text, JSON, JUnit or HTML) |"), longRun.toString());
    assertTrue(longRun.contains("| … | 7 more valid or skipped | |"), longRun.toString());
    assertTrue(lines.get(6).endsWith("<br>… and 4 more |"), lines.get(6));
  }

  @Test
  void allValid_isMarkedAsSuch() {
    assertEquals("✅ **1 response in 1 file: 1 valid, 0 invalid, 0 unreadable**",
        lines(List.of(ReportOutcomes.valid("a.json"))).get(2));
  }
}
