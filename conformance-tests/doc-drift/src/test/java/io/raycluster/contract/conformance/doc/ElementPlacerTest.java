package io.raycluster.contract.conformance.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElementPlacerTest {

  @Test
  void rowsNestedDeeperThanAnyRealPage_stayAtTheDepthCap_soLocationsStayShort() {
    // 6,000 object rows, each unknown, each nesting inside the one above (the hostile page of M7):
    // without the cap their locations grow to 6,000 segments and placing them is cubic.
    List<PageElement> rows = new ArrayList<>();
    rows.add(new PageElement("", "object", 1));
    for (int k = 0; k < 6_000; k++) {
      rows.add(new PageElement("n" + k, "object", k + 2));
    }

    List<PlacedElement> placed = ElementPlacer.place(rows, JsonNodeFactory.instance.objectNode(), Map.of());

    assertEquals(6_000, placed.size());
    int deepest = placed.stream().mapToInt(p -> p.location().split("/").length - 1).max().orElseThrow();
    assertEquals(ElementPlacer.MAX_DEPTH + 1, deepest);
    assertEquals("/n0", placed.get(0).location());
    assertEquals("/n0/n1", placed.get(1).location());
  }

  @Test
  void aNameKnownInAnOuterScope_closesTheScopesAboveIt() {
    ObjectNode example = JsonNodeFactory.instance.objectNode();
    example.putObject("headSpec").put("cpu", "2");
    example.put("state", "Running");
    List<PageElement> rows = List.of(new PageElement("", "object", 1),
        new PageElement("headSpec", "object", 2), new PageElement("cpu", "string", 3),
        new PageElement("extra", "object", 4), new PageElement("inner", "string", 5),
        new PageElement("state", "string", 6));

    List<String> locations = ElementPlacer.place(rows, example, Map.of()).stream()
        .map(PlacedElement::location).toList();

    assertEquals(List.of("/headSpec", "/headSpec/cpu", "/headSpec/extra", "/headSpec/extra/inner", "/state"),
        locations);
    assertTrue(locations.stream().allMatch(l -> l.startsWith("/")));
  }
}
