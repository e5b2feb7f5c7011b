package io.raycluster.contract.conformance.doc;

/**
 * A row of the response table placed at its location in the response body, for example the
 * second {@code replica} row at {@code /workerSpec/*}{@code /replica}.
 *
 * @param location where the element sits ({@code *} stands for every item of an array)
 * @param type the page's type, reduced to JSON types
 * @param line the 1-based line of the row in the page
 */
public record PlacedElement(String location, PageType type, int line) {
  public String name() {
    return location.substring(location.lastIndexOf('/') + 1);
  }
}
