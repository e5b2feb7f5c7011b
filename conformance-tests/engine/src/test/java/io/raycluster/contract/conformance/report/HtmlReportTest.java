package io.raycluster.contract.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raycluster.contract.conformance.FileOutcome;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** The HTML report's markup, read with a real HTML parser (the browser test is in the CLI). */
class HtmlReportTest {
  private static final List<FileOutcome> RUN = ReportOutcomes.run();
  private static final Summary SUMMARY = Summary.of(RUN);

  private static Document page() {
    return Jsoup.parse(ReportOutcomes.write(ReportFormat.HTML, RUN, "raycluster-conformance validate"));
  }

  @Test
  void header_showsTheSummaryLineAndEachCount() {
    Document page = page();

    assertEquals(SUMMARY.line(), page.selectFirst("header .summary").text());
    assertEquals("raycluster-conformance validate: " + SUMMARY.line(), page.title());
    assertEquals(String.valueOf(SUMMARY.valid()), page.selectFirst(".counts .valid b").text());
    assertEquals(String.valueOf(SUMMARY.invalid()), page.selectFirst(".counts .invalid b").text());
    assertEquals(String.valueOf(SUMMARY.unreadable()), page.selectFirst(".counts .unreadable b").text());
    assertEquals(String.valueOf(SUMMARY.skipped()), page.selectFirst(".counts .skipped b").text());
  }

  @Test
  void findings_areGroupedByFileWithPointerKeywordAndMessage() {
    Document page = page();

    Elements files = page.select("section.file");
    assertEquals(List.of("invalidrec/b.json", "unreadablerec/c.json", "invalidrec/d.har"),
        files.stream().map(s -> s.selectFirst("h3").text().replace(" ", "")).toList());
    Element first = files.get(0).selectFirst("table.findings tbody tr");
    assertEquals(List.of("/workerSpec/1/maxReplica", "type", "expected integer, found string \"10\""),
        first.select("td").eachText());
    assertEquals("(body)", files.get(1).selectFirst("td code").text(), "a finding about the whole body");
    assertEquals(List.of("valid entry 0 GET /api/v1/a -> 200", "invalid entry 2 GET /api/v1/b -> 200"),
        files.get(2).select("h4").eachText());
    assertEquals(List.of("/state"), files.get(2).select("td code").eachText(), "the invalid entry's finding");
    assertTrue(files.get(2).text().contains("1 HAR entry skipped"), files.get(2).text());
    assertEquals(List.of("validrec/a.json"), page.select("ul.valid-files li").stream()
        .map(li -> li.select(".verdict, code").text().replace(" ", "")).toList());
  }

  @Test
  void everyValueIsEscaped_soARecordingCannotAddMarkup() {
    String html = ReportOutcomes.write(ReportFormat.HTML, RUN, "t <b>itle</b>");
    Document page = Jsoup.parse(html);

    assertTrue(page.select("script, b:not(.counts b)").isEmpty(), "no element from the values: " + page.select("script"));
    assertTrue(page.text().contains("/" + ReportOutcomes.HOSTILE), "the value is shown as written");
    assertEquals("t <b>itle</b>: " + SUMMARY.line(), page.title());
    assertFalse(html.contains(ReportOutcomes.HOSTILE), "never written raw");
  }

  @Test
  void page_isSelfContained_andWellFormed() {
    String html = ReportOutcomes.write(ReportFormat.HTML, RUN, "raycluster-conformance validate");
    Document page = Jsoup.parse(html);

    assertTrue(page.select("script, link, img, iframe, object, embed, [src], [href]").isEmpty(),
        "nothing loaded from elsewhere");
    assertEquals("default-src 'none'; style-src 'unsafe-inline'",
        page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"));
    // Every element is closed as it was opened: the XML parser reads it back to the same elements.
    Document strict = Jsoup.parse(html.substring(html.indexOf("<html")), "", Parser.xmlParser());
    assertEquals(page.select("section, table, tr, td").size(), strict.select("section, table, tr, td").size());
  }

  @Test
  void emptyRun_saysNoFileWasRead() {
    Document page = Jsoup.parse(ReportOutcomes.write(ReportFormat.HTML, List.of(), "t"));

    assertEquals("No file was read.", page.selectFirst("main .note").text());
  }
}
