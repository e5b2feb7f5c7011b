package io.raycluster.contract.conformance.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocDiffTest {
  static final Path NO_DRIFT = Path.of("src/test/resources/diff-doc/pages/no-drift.txt");
  static final String PATH = "/api/v1/workspaces/{workspaceId}/rayCluster/{clusterId}";

  @Test
  void specContract_flattensTheSuccessResponse() {
    SpecContract.Operation op = SpecContract.load().operations().get(0);

    assertEquals("GET", op.method());
    assertEquals(PATH, op.path());
    assertEquals("GetRayCluster", op.action());
    assertEquals(28 + 7 + 11 + 9, op.properties().size());
    assertEquals(new SpecProperty("/instances/*/containerExitCode", "integer", null, List.of()),
        op.properties().get("/instances/*/containerExitCode"));
    assertEquals("array<string>", op.properties().get("/volumeIds").typeName());
    assertEquals(List.of("Starting", "Running", "Stopping", "Stopped", "Error"),
        op.properties().get("/state").enumValues());
  }

  @Test
  void parser_readsRequestLineRowsAndExample() throws Exception {
    ReferencePage page = ReferencePageParser.parse(NO_DRIFT);

    assertEquals("GET", page.method());
    assertEquals(PATH, page.path());
    assertEquals(7, page.requestLine());
    // 55 named rows, the response row, two array-item object rows, one array-item string row
    assertEquals(59, page.elements().size());
    assertEquals(new PageElement("", "string", page.elements().get(57).line()), page.elements().get(57));
    assertEquals("Running", page.example().get("state").asText());
  }

  @Test
  void parser_readsTheValidValuesListedInADescription() throws Exception {
    ReferencePage page = ReferencePageParser.parse(NO_DRIFT);

    assertEquals(List.of("Starting", "Running", "Stopping", "Stopped", "Error"),
        page.elements().get(lineIndex(page, "state")).values());
    assertEquals(List.of(), page.elements().get(lineIndex(page, "creator")).values());
  }

  private static int lineIndex(ReferencePage page, String name) {
    for (int i = 0; i < page.elements().size(); i++) {
      if (page.elements().get(i).name().equals(name)) {
        return i;
      }
    }
    throw new AssertionError(name);
  }

  @Test
  void parser_readsWindowsLineEndsAndNoBreakSpaces() throws Exception {
    String text = java.nio.file.Files.readString(NO_DRIFT)
        .replace("Element\n", "Element\u00A0\n")
        .replace("\n", "\r\n");

    ReferencePage page = ReferencePageParser.parse(text, "crlf.txt");

    assertEquals(List.of(), DocDiff.against(SpecContract.load()).diff(page).findings());
  }

  @Test
  void parser_doesNotTakeAOneLineJsonCellForTheExample() throws Exception {
    ReferencePage page = ReferencePageParser.parse(NO_DRIFT);

    // extraParam's example cell is "{}"; the example is the pretty-printed object after the table
    assertEquals(28, page.example().size());
  }

  @Test
  void placer_putsRepeatedNamesInTheirOwnObjects() throws Exception {
    ReferencePage page = ReferencePageParser.parse(NO_DRIFT);
    Map<String, SpecProperty> spec = SpecContract.load().operations().get(0).properties();

    List<String> locations = ElementPlacer.place(page.elements(), page.example(), spec).stream()
        .map(PlacedElement::location).toList();

    assertEquals(spec.keySet().stream().toList(), locations);
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

    List<PlacedElement> placed =
        ElementPlacer.place(rows, new ObjectMapper().createObjectNode(), Map.of());

    assertEquals(List.of("/a", "/box", "/box/b", "/box/list", "/box/list/*/c"),
        placed.stream().map(PlacedElement::location).toList());
    assertEquals("array<object>", placed.get(3).type().toString());
  }

  @Test
  void vendorPage_placesEveryElementWhereTheSpecHasIt() throws Exception {
    Optional<Path> file = DiffDocRun.vendorPage();
    assumeTrue(file.isPresent(), "the vendor's saved page is not laid out beside the repository");
    ReferencePage page = ReferencePageParser.parse(file.get());
    Map<String, SpecProperty> spec = SpecContract.load().operations().get(0).properties();
    assertEquals(List.of("workspaceId", "clusterId"),
        page.parameters().stream().map(PageParameter::name).toList());
    assertEquals(List.of("Starting", "Running", "Stopping", "Stopped", "Error"),
        page.elements().stream().filter(e -> e.name().equals("state")).findFirst().orElseThrow().values());

    List<String> locations = ElementPlacer.place(page.elements(), page.example(), spec).stream()
        .map(PlacedElement::location).toList();

    assertEquals(spec.keySet().stream().toList(), locations);
  }

  @Test
  void enumChecker_flagsOnlyValuesOutsideTheEnum() throws Exception {
    SpecContract.Operation op = SpecContract.load().operations().get(0);
    JsonNode example = new ObjectMapper().readTree(
        "{\"state\":\"Pending\",\"instances\":[{\"phase\":\"Whatever\"}],\"name\":\"Running\"}");

    assertEquals(List.of(new ExampleFinding("/state",
            "value \"Pending\" is not one of the values the spec allows (Starting, Running, Stopping, Stopped, Error)")),
        SpecEnumChecker.forOperation(op).check(example));
  }

  @Test
  void checkers_combinedReportEachFindingOnce() {
    ExampleFinding a = new ExampleFinding("/state", "bad value");
    ExampleFinding b = new ExampleFinding("/x", "undeclared");

    ExampleChecker both = ((ExampleChecker) e -> List.of(a)).and(e -> List.of(a, b));

    assertEquals(List.of(a, b), both.check(new ObjectMapper().createObjectNode()));
    assertEquals(List.of(), ExampleChecker.none().check(new ObjectMapper().createObjectNode()));
  }

  @Test
  void diff_whenWholeNestedObjectRemoved_reportsTheObjectOnly() throws Exception {
    ReferencePage page = ReferencePageParser.parse(NO_DRIFT);
    int head = lineOf(page, "headSpec");
    int state = lineOf(page, "state");
    List<PageElement> withoutHead = page.elements().stream()
        .filter(e -> e.line() < head || e.line() >= state)
        .toList();
    ReferencePage changed = new ReferencePage(page.source(), page.method(), page.path(),
        page.requestLine(), page.parameters(), withoutHead, page.example(), page.exampleLine());

    List<Finding> findings = DocDiff.against(SpecContract.load()).diff(changed).findings();

    assertEquals(List.of("MISSING_ELEMENT /headSpec: the spec declares it (object); the page no longer lists it"),
        findings.stream().map(Finding::toText).toList());
  }

  @Test
  void parser_readsParameterTables() throws Exception {
    ReferencePage page = ReferencePageParser.parse(NO_DRIFT);

    assertEquals(List.of(new PageParameter("workspaceId", "string", false, 21),
            new PageParameter("clusterId", "string", false, 31)),
        page.parameters());
  }

  @Test
  void diff_whenPageHasNoParameterTable_doesNotCompareParameters() throws Exception {
    ReferencePage page = ReferencePageParser.parse(NO_DRIFT);
    ReferencePage without = new ReferencePage(page.source(), page.method(), page.path(),
        page.requestLine(), null, page.elements(), page.example(), page.exampleLine());

    assertEquals(List.of(), DocDiff.against(SpecContract.load()).diff(without).findings());
  }

  @Test
  void diff_whenPathParameterRemovedFromPage_reportsMissingParameter() throws Exception {
    ReferencePage page = ReferencePageParser.parse(NO_DRIFT);
    ReferencePage changed = new ReferencePage(page.source(), page.method(), page.path(),
        page.requestLine(), page.parameters().subList(0, 1), page.elements(), page.example(),
        page.exampleLine());

    assertEquals(List.of("MISSING_PARAMETER parameters/clusterId: the spec declares path parameter "
            + "'clusterId' (string); the page no longer lists it"),
        DocDiff.against(SpecContract.load()).diff(changed).findings().stream().map(Finding::toText).toList());
  }

  private static int lineOf(ReferencePage page, String name) {
    return page.elements().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow().line();
  }

  @Test
  void unreadablePage_namesEveryMissingPart() {
    UnreadablePageException e = assertThrows(UnreadablePageException.class,
        () -> ReferencePageParser.parse("GET /x HTTP/1.1\n\nElement\nType\nDescription\n", "p.txt"));

    assertEquals(List.of("no JSON example (a JSON object after the response table)",
            "the response table at line 3 has no rows (a name line followed by a type line)"),
        e.missing());
  }
}
