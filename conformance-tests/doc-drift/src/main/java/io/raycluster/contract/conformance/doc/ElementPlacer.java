package io.raycluster.contract.conformance.doc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives each row of the response table its location in the body. The saved text keeps the rows
 * in page order but loses their indentation, so where a nested object ends is unknown. The rows
 * are read as a walk of the body: an {@code object} or {@code array<object>} row opens a scope;
 * each name goes to the innermost open scope that knows it (the page's JSON example has it there,
 * or the spec declares it there) and does not hold it yet, closing the scopes above. A name known
 * nowhere (a new field that is not in the example either) stays in the innermost open scope,
 * which is where a row appended to a nested object appears. Scopes nest at most {@link
 * #MAX_DEPTH} deep, so placing costs time linear in the number of rows.
 */
final class ElementPlacer {
  /**
   * For each name, the scopes (locations) that know it: the example has it there, or the spec
   * declares it there. Looked up by name, so placing a row costs the same at any depth.
   */
  private final Map<String, Set<String>> knownIn = new HashMap<>();

  /** How deep objects in the table may nest: far beyond any real response (GetRayCluster: 3). */
  static final int MAX_DEPTH = 32;

  private static final class Scope {
    final String location;
    final int depth;
    final Set<String> placed = new HashSet<>();

    Scope(String location, int depth) {
      this.location = location;
      this.depth = depth;
    }
  }

  /** The open scopes, innermost first, and the same by location. */
  private final Deque<Scope> open = new ArrayDeque<>();
  private final Map<String, Scope> openAt = new HashMap<>();

  private ElementPlacer(JsonNode example, Map<String, SpecProperty> spec) {
    collect(example, "");
    for (String location : spec.keySet()) {
      int slash = location.lastIndexOf('/');
      if (slash >= 0) {
        know(location.substring(0, slash), location.substring(slash + 1));
      }
    }
  }

  private void know(String scope, String name) {
    knownIn.computeIfAbsent(name, k -> new HashSet<>()).add(scope);
  }

  private void push(String location) {
    if (open.size() > MAX_DEPTH) {
      // No reference page nests this deep; a crafted one must not make locations (and the time
      // to build them) grow with the square of its rows. Deeper rows stay at this depth.
      return;
    }
    Scope scope = new Scope(location, open.size());
    open.push(scope);
    // Two open scopes never share a location (each is inside the one before): one entry each.
    openAt.put(location, scope);
  }

  private void popTo(Scope target) {
    while (open.peek() != target) {
      openAt.remove(open.pop().location);
    }
  }

  static List<PlacedElement> place(List<PageElement> rows, JsonNode example, Map<String, SpecProperty> spec) {
    return new ElementPlacer(example, spec).place(rows);
  }

  private List<PlacedElement> place(List<PageElement> rows) {
    List<PlacedElement> placed = new ArrayList<>();
    push("");
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
            push(previous.location() + "/*");
          }
        }
        continue;
      }
      Scope scope = scopeFor(row.name());
      scope.placed.add(row.name());
      PlacedElement element =
          new PlacedElement(scope.location + "/" + row.name(), type, row.line(), row.values());
      placed.add(element);
      previous = element;
      if ("object".equals(type.json())) {
        push(element.location());
      } else if ("object".equals(type.items())) {
        push(element.location() + "/*");
      }
    }
    return placed;
  }

  private Scope scopeFor(String name) {
    // The innermost open scope that knows the name and does not hold it yet...
    Scope target = null;
    for (String location : knownIn.getOrDefault(name, Set.of())) {
      Scope s = openAt.get(location);
      if (s != null && !s.placed.contains(name) && (target == null || s.depth > target.depth)) {
        target = s;
      }
    }
    if (target == null) {
      // ...else the innermost that does not hold it (the scan stops at once unless the scopes
      // it passes are closed by this row: each scope is passed over at most once in all).
      for (Scope s : open) {
        if (!s.placed.contains(name)) {
          target = s;
          break;
        }
      }
    }
    if (target == null) {
      target = open.peekLast();
    }
    popTo(target);
    return target;
  }

  private void collect(JsonNode node, String location) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        know(location, field.getKey());
        collect(field.getValue(), location + "/" + field.getKey());
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        collect(item, location + "/*");
      }
    }
  }
}
