package io.raycluster.contract.conformance.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.raycluster.contract.spec.SpecFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The parser, the placer and the diff on the fixture's page; and the one live check, the vendor's page. */
class DocDiffTest {
  static final SpecContract FIXTURE = SpecContract.of(SpecFixtures.rayJobs());

  static ReferencePage page() throws UnreadablePageException {
    return ReferencePageParser.parse(SpecFixtures.text(SpecFixtures.RAY_JOBS_PAGE), "page.txt");
  }

  @Test
  void parser_readsRequestLineActionParametersAndExample() throws Exception {
    ReferencePage page = page();

    assertEquals("GET", page.method());
    assertEquals("/api/v1/workspaces/{workspaceId}/rayJobs/{jobId}", page.path());
    assertEquals("GetRayJob", page.action());
    assertEquals(List.of("workspaceId", "jobId"), page.parameters().stream().map(PageParameter::name).toList());
    assertEquals("Running", page.example().get("state").asText());
    assertEquals(List.of("Pending", "Running", "Succeeded", "Failed", "Stopped"),
        page.elements().stream().filter(e -> e.name().equals("state")).findFirst().orElseThrow().values());
  }

  @Test
  void placer_putsEveryRowWhereTheSpecHasIt() throws Exception {
    ReferencePage page = page();
    Map<String, SpecProperty> spec = FIXTURE.operationFor("GET", page.path(), null).orElseThrow().properties();

    List<String> locations = ElementPlacer.place(page.elements(), page.example(), spec).stream()
        .map(PlacedElement::location).toList();

    assertEquals(List.copyOf(spec.keySet()), locations);
  }

  @Test
  void placer_withoutExampleOrSpec_followsTheTablesOrder() {
    List<PageElement> rows = List.of(
        new PageElement("a", "string", 1),
        new PageElement("box", "object", 2),
        new PageElement("b", "integer", 3),
        new PageElement("list", "array", 4),
        new PageElement("", "object", 5),
        new PageElement("c", "boolean", 6));

    List<PlacedElement> placed = ElementPlacer.place(rows, new ObjectMapper().createObjectNode(), Map.of());

    assertEquals(List.of("/a", "/box", "/box/b", "/box/list", "/box/list/*/c"),
        placed.stream().map(PlacedElement::location).toList());
    assertEquals("array<object>", placed.get(3).type().toString());
  }

  @Test
  void diff_whenThePageHasNoParameterTable_doesNotCompareParameters() throws Exception {
    ReferencePage p = page();
    ReferencePage without = new ReferencePage(p.source(), p.method(), p.path(), p.requestLine(), null,
        p.elements(), p.example(), p.exampleLine(), p.action());

    assertEquals(List.of(), DocDiff.against(FIXTURE).diff(without).findings());
  }

  @Test
  void diff_pluggedInChecker_findingsAreReportedWithTheirPointer() throws Exception {
    ExampleChecker checker = (operation, example) -> List.of(new ExampleFinding("/driver/host", "made up"));

    List<Finding> findings = DocDiff.against(FIXTURE, checker).diff(page()).findings();

    assertEquals(List.of("EXAMPLE /driver/host: the JSON example: made up"),
        findings.stream().map(f -> f.kind() + " " + f.location() + ": " + f.message()).toList());
  }

  @Test
  void pageOfNoOperation_andNoAction_isPathChanged() throws Exception {
    ReferencePage p = page();
    ReferencePage other = new ReferencePage(p.source(), "GET", "/somewhere/else", p.requestLine(),
        p.parameters(), p.elements(), p.example(), p.exampleLine(), null);

    assertEquals(List.of("PATH_CHANGED"),
        DocDiff.against(FIXTURE).diff(other).findings().stream().map(f -> f.kind().name()).toList());
  }

  @Test
  void unreadablePage_namesEveryMissingPart() {
    UnreadablePageException e = assertThrows(UnreadablePageException.class,
        () -> ReferencePageParser.parse("GET /x HTTP/1.1\n\nElement\nType\nDescription\n", "p.txt"));

    assertEquals(List.of("no JSON example (a JSON object after the response table)",
            "the response table at line 3 has no rows (a name line followed by a type line)"),
        e.missing());
  }

  @Test
  void pageWithoutARamTable_hasNoAction() throws Exception {
    String text = SpecFixtures.text(SpecFixtures.RAY_JOBS_PAGE).replace("ray-jobs:GetRayJob\n", "");
    assertNull(ReferencePageParser.parse(text, "p.txt").action());
  }

  /** The one check against today's contract: the vendor's own page, where it is laid out. */
  @Test
  void vendorPage_hasNoDriftFromTheBundledSpec() throws Exception {
    Optional<Path> file = VendorPage.find();
    assumeTrue(file.isPresent(), VendorPage.absent());

    DriftReport report = DocDiff.against(SpecContract.load()).diff(ReferencePageParser.parse(file.get()));

    assertEquals(0, report.exitCode(), report.toText());
  }

  @Test
  void vendorPage_everyRowIsPlacedWhereTheSpecHasIt() throws Exception {
    Optional<Path> file = VendorPage.find();
    assumeTrue(file.isPresent(), VendorPage.absent());
    ReferencePage page = ReferencePageParser.parse(file.get());
    Map<String, SpecProperty> spec = SpecContract.load().operationFor(page.method(), page.path(), page.action())
        .orElseThrow().properties();

    List<String> locations = ElementPlacer.place(page.elements(), page.example(), spec).stream()
        .map(PlacedElement::location).toList();

    assertEquals(List.copyOf(spec.keySet()), locations);
  }
}
