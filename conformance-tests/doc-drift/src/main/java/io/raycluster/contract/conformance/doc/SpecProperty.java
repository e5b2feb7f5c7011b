package io.raycluster.contract.conformance.doc;

import java.util.List;

/**
 * One property the spec declares in the success response, at a location such as
 * {@code /headSpec/replica} or {@code /instances/*}{@code /type} ({@code *} stands for every item
 * of an array).
 *
 * @param location where the property sits in the response body
 * @param type its JSON type ({@code string}, {@code integer}, {@code object}, {@code array}, ...)
 * @param items the JSON type of an array's items, or null
 * @param enumValues the values the spec allows, empty when it does not restrict them
 */
public record SpecProperty(String location, String type, String items, List<String> enumValues) {
  public SpecProperty {
    enumValues = List.copyOf(enumValues);
  }

  /** The type as the page would write it ({@code array<object>} for an array of objects). */
  public String typeName() {
    return items == null ? type : "array<" + items + ">";
  }
}
