package io.raycluster.contract.conformance.doc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gives each row of the response table its location in the body. The saved text keeps the rows
 * in page order but loses their indentation, so where a nested object ends is unknown. The rows
 * are read as a walk of the body: an {@code object} or {@code array<object>} row opens a scope;
 * each name goes to the innermost open scope that knows it (the page's JSON example has it there,
 * or the spec declares it there) and does not hold it yet, closing the scopes above. A name known
 * nowhere (a new field that is not in the example either) stays in the innermost open scope,
 * which is where a row appended to a nested object appears.
 */
final class ElementPlacer {
  private final Map<String, Set<String>> exampleNames = new HashMap<>();
  private final Map<String, SpecProperty> spec;

  private static final class Scope {
    final String location;
    final Set<String> placed = new HashSet<>();

    Scope(String location) {
      this.location = location;
    }
  }

  private ElementPlacer(JsonNode example, Map<String, SpecProperty> spec) {
    this.spec = spec;
    collect(example, "");
  }

  static List<PlacedElement> place(List<PageElement> rows, JsonNode example, Map<String, SpecProperty> spec) {
    return new ElementPlacer(example, spec).place(rows);
  }

  private List<PlacedElement> place(List<PageElement> rows) {
    List<PlacedElement> placed = new ArrayList<>();
    Deque<Scope> open = new ArrayDeque<>();
    open.push(new Scope(""));
    PlacedElement previous = null;
    for (int r = 0; r < rows.size(); r++) {
      PageElement row = rows.get(r);
      PageType type = PageType.parse(row.type()).orElseThrow();
      if (row.anonymous()) {
        // The items of the array row just above (or the response itself, which is the root).
        if (previous != null && "array".equals(previous.type().json())
            && placed.get(placed.size() - 1) == previous && previous.type().items() == null) {
          previous = new PlacedElement(previous.location(), previous.type().withItems(type.json()),
              previous.line(), previous.values());
          placed.set(placed.size() - 1, previous);
          if ("object".equals(type.json())) {
            open.push(new Scope(previous.location() + "/*"));
          }
        }
        continue;
      }
      Scope scope = scopeFor(row.name(), open);
      scope.placed.add(row.name());
      PlacedElement element =
          new PlacedElement(scope.location + "/" + row.name(), type, row.line(), row.values());
      placed.add(element);
      previous = element;
      if ("object".equals(type.json())) {
        open.push(new Scope(element.location()));
      } else if ("object".equals(type.items())) {
        open.push(new Scope(element.location() + "/*"));
      }
    }
    return placed;
  }

  private Scope scopeFor(String name, Deque<Scope> open) {
    Optional<Scope> known = open.stream()
        .filter(s -> !s.placed.contains(name) && knows(s.location, name))
        .findFirst();
    Scope target = known.orElseGet(() -> open.stream()
        .filter(s -> !s.placed.contains(name))
        .findFirst()
        .orElse(open.peekLast()));
    while (open.peek() != target) {
      open.pop();
    }
    return target;
  }

  private boolean knows(String scope, String name) {
    return exampleNames.getOrDefault(scope, Set.of()).contains(name)
        || spec.containsKey(scope + "/" + name);
  }

  private void collect(JsonNode node, String location) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      Set<String> names = exampleNames.computeIfAbsent(location, k -> new LinkedHashSet<>());
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        names.add(field.getKey());
        collect(field.getValue(), location + "/" + field.getKey());
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        collect(item, location + "/*");
      }
    }
  }
}
