package io.raycluster.contract.conformance.doc;

import java.util.List;

/**
 * A row of the response table placed at its location in the response body, for example the
 * second {@code replica} row at {@code /workerSpec/*}{@code /replica}.
 *
 * @param location where the element sits ({@code *} stands for every item of an array)
 * @param type the page's type, reduced to JSON types
 * @param line the 1-based line of the row in the page
 * @param values the valid values the row's description lists, if any
 */
public record PlacedElement(String location, PageType type, int line, List<String> values) {
  public String name() {
    return location.substring(location.lastIndexOf('/') + 1);
  }
}
