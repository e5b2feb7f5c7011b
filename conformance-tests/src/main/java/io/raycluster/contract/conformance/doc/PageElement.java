package io.raycluster.contract.conformance.doc;

/**
 * One row of the page's response table as the saved text keeps it: the element's name (empty for
 * the rows that describe the response itself or an array's items), its type as written on the
 * page, and the 1-based line of the file where the row starts.
 */
public record PageElement(String name, String type, int line) {
  /** True for a row without a name: the response object or the items of the array above it. */
  public boolean anonymous() {
    return name.isEmpty();
  }
}
