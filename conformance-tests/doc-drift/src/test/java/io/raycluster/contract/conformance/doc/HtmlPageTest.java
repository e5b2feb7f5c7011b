package io.raycluster.contract.conformance.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raycluster.contract.spec.SpecFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A page saved as HTML reads as its text copy does, its lines pointing into the HTML. */
class HtmlPageTest {
  private static final String HTML = SpecFixtures.text(SpecFixtures.RAY_JOBS_PAGE_HTML);

  private static ReferencePage html() throws UnreadablePageException {
    return (ReferencePage) VendorDocuments.parse(HTML, "page.html");
  }

  private static ReferencePage text() throws UnreadablePageException {
    return (ReferencePage) VendorDocuments.parse(SpecFixtures.text(SpecFixtures.RAY_JOBS_PAGE), "page.txt");
  }

  /** The HTML line (1-based) holding {@code fragment}, which must occur once. */
  private static int htmlLine(String fragment) {
    List<String> lines = HTML.lines().toList();
    List<Integer> found = java.util.stream.IntStream.range(0, lines.size())
        .filter(i -> lines.get(i).contains(fragment)).boxed().toList();
    assertEquals(1, found.size(), fragment);
    return found.get(0) + 1;
  }

  @Test
  void htmlPage_readsAsItsTextCopy() throws Exception {
    ReferencePage html = html();
    ReferencePage text = text();

    assertEquals(List.of(text.method(), text.path(), text.action(), text.example()),
        List.of(html.method(), html.path(), html.action(), html.example()));
    assertEquals(text.parameters().stream().map(p -> p.name() + " " + p.type() + " " + p.required()).toList(),
        html.parameters().stream().map(p -> p.name() + " " + p.type() + " " + p.required()).toList());
    assertEquals(text.elements().stream().map(e -> e.name() + " " + e.type() + " " + e.values()).toList(),
        html.elements().stream().map(e -> e.name() + " " + e.type() + " " + e.values()).toList());
  }

  @Test
  void htmlPage_linesPointIntoTheHtml() throws Exception {
    ReferencePage page = html();

    assertEquals(htmlLine("HTTP/1.1</code>"), page.requestLine());
    assertEquals(htmlLine("<td>attempts</td>"), page.elements().stream()
        .filter(e -> e.name().equals("attempts")).findFirst().orElseThrow().line());
    assertEquals(htmlLine("<td>jobId</td><td>string</td><td>No</td>"), page.parameters().get(1).line());
    assertEquals(htmlLine("<pre><code class=\"language-json\">{"), page.exampleLine());
  }

  @Test
  void render_leavesOutWhatABrowserDoesNotShow_andKeepsPreformattedText() {
    String text = HtmlPageText.render(HTML).text();

    for (String unseen : List.of("window.analytics", "hidden-menu", "Menu: ListRayJobs", "\"not\": \"shown\"",
        "GetRayJob - Test page")) {
      assertFalse(text.contains(unseen), unseen + " in\n" + text);
    }
    assertTrue(text.contains("\n  \"tags\": [\n    \"nightly\"\n  ],\n"), text);
    assertTrue(text.contains("\n• Pending: waiting for resources.\n"), text);
    assertTrue(text.contains("Document Center > Ray jobs"), "entities decoded: " + text);
  }

  @Test
  void render_deeplyNestedMarkup_doesNotExhaustTheStack() throws Exception {
    String deep = "<!DOCTYPE html><html><body>" + "<div>".repeat(100_000) + "x" + "</div>".repeat(100_000)
        + "</body></html>";

    UnreadablePageException e = assertThrows(UnreadablePageException.class, () -> VendorDocuments.parse(deep, "deep.html"));
    assertEquals(3, e.missing().size(), e.getMessage());
  }

  @Test
  void webArchive_isRefusedSayingHowToSaveThePage() {
    UnreadablePageException e = assertThrows(UnreadablePageException.class, () -> VendorDocuments.parse(
        "From: <Saved by Blink>\nMIME-Version: 1.0\nContent-Type: multipart/related;\n", "page.mhtml"));

    assertTrue(e.getMessage().contains("web archive (MHTML)"), e.getMessage());
  }
}
