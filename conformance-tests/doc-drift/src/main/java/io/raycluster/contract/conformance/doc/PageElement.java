package io.raycluster.contract.conformance.doc;

import java.util.List;

/**
 * One row of the page's response table as the saved text keeps it: the element's name (empty for
 * the rows that describe the response itself or an array's items), its type as written on the
 * page, the 1-based line of the file where the row starts, and the valid values its description
 * lists as bullets ({@code • Running: ...}), if any.
 */
public record PageElement(String name, String type, int line, List<String> values) {
  public PageElement {
    values = List.copyOf(values);
  }

  public PageElement(String name, String type, int line) {
    this(name, type, line, List.of());
  }

  /** True for a row without a name: the response object or the items of the array above it. */
  public boolean anonymous() {
    return name.isEmpty();
  }
}
